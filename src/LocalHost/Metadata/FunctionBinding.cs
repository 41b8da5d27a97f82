using System.Text.Json;

namespace GuanGong.LocalHost.Metadata;

/// <summary>One binding of a function as functions.metadata declares it.</summary>
/// <param name="Name">The parameter name (or <c>$return</c>).</param>
/// <param name="Type">The binding type: httpTrigger, timerTrigger, orchestrationTrigger, activityTrigger, durableClient, http…</param>
/// <param name="Direction">In or Out.</param>
/// <param name="Raw">The binding's JSON, for properties this host does not model.</param>
public sealed record FunctionBinding(string Name, string Type, string Direction, JsonElement Raw)
{
    /// <summary>The HTTP route template, if any.</summary>
    public string? Route => GetString("route");

    /// <summary>The CRON schedule of a timer trigger (possibly a <c>%Setting%</c> reference).</summary>
    public string? Schedule => GetString("schedule");

    /// <summary>Whether a timer trigger also fires once when the host starts (<c>RunOnStartup</c>).</summary>
    public bool RunOnStartup => Raw.TryGetProperty("runOnStartup", out var value) && value.ValueKind == JsonValueKind.True;

    /// <summary>The declared authorization level (not enforced by this host).</summary>
    public string? AuthLevel => GetString("authLevel");

    /// <summary>The HTTP methods, lower-case; empty means every method.</summary>
    public IReadOnlyList<string> Methods =>
        Raw.TryGetProperty("methods", out var methods) && methods.ValueKind == JsonValueKind.Array
            ? [.. methods.EnumerateArray().Select(m => m.GetString()).OfType<string>()]
            : [];

    /// <summary>Whether this binding is the function's trigger.</summary>
    public bool IsTrigger => Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase);

    private string? GetString(string property) =>
        Raw.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
