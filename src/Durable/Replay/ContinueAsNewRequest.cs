namespace GuanGong.Durable;

internal sealed record ContinueAsNewRequest(string? Input, bool PreserveUnprocessedEvents);
