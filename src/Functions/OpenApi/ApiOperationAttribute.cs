namespace GuanGong.Functions.OpenApi;

/// <summary>
/// How an HTTP function appears in the OpenAPI document (<see cref="ApiDocument"/>): the route and
/// methods come from its <c>[HttpTrigger]</c>, the rest from here. Every function under <c>api/</c>
/// carries one; a contract test holds the document to <c>functions.metadata</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ApiOperationAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    public string? Description { get; set; }

    public string? Tag { get; set; }

    /// <summary>The body's type (a JSON schema is derived from it); null for none.</summary>
    public Type? RequestBody { get; set; }

    public string RequestContentType { get; set; } = "application/json";

    /// <summary>The successful answer's type (a JSON schema is derived from it); null for no body.</summary>
    public Type? Response { get; set; }

    public int ResponseStatus { get; set; } = StatusCodes.Status200OK;

    /// <summary>The successful answer's content type; several may be named, comma-separated.</summary>
    public string ResponseContentType { get; set; } = "application/json";

    /// <summary>The problem-details statuses the function answers with.</summary>
    public int[] Problems { get; set; } = [];

    /// <summary>The query parameters it reads, as <c>name:description</c>.</summary>
    public string[] Query { get; set; } = [];

    /// <summary>The credentials it accepts: names of the document's security schemes.</summary>
    public string[] Security { get; set; } = [];
}
