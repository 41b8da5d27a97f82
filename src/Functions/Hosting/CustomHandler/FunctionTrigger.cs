namespace GuanGong.Functions.Hosting.CustomHandler;

/// <summary>
/// Endpoint metadata that makes an endpoint an Azure Functions function with a non-HTTP trigger.
/// HTTP endpoints under /api/ need none: their route and methods are their trigger.
/// </summary>
internal abstract record FunctionTrigger;

/// <summary>A queue trigger on <paramref name="QueueName"/> in the <c>AzureWebJobsStorage</c> account.</summary>
internal sealed record QueueFunctionTrigger(string QueueName) : FunctionTrigger;

/// <summary>A timer trigger with an NCRONTAB <paramref name="Schedule"/> (six fields, seconds first).</summary>
internal sealed record TimerFunctionTrigger(string Schedule) : FunctionTrigger;
