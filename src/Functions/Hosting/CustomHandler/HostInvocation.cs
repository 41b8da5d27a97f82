using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuanGong.Functions.Hosting.CustomHandler;

/// <summary>
/// What the Functions host POSTs to a custom handler for a non-HTTP trigger: <c>Data</c> keyed by
/// binding name, <c>Metadata</c> from the event source (for queues: DequeueCount, Id, PopReceipt,
/// InsertionTime…; <c>sys</c> with MethodName and UtcNow).
/// </summary>
internal sealed record HostInvocationRequest(
    [property: JsonPropertyName("Data")] Dictionary<string, JsonElement>? Data,
    [property: JsonPropertyName("Metadata")] Dictionary<string, JsonElement>? Metadata)
{
    /// <summary>The trigger binding's value as text: the host sends a queue message as a JSON string, or as parsed JSON when the text was JSON.</summary>
    public string? TriggerText(string bindingName)
    {
        if (Data is null || !Data.TryGetValue(bindingName, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
    }

    /// <summary>A numeric metadata value, which the host may send as a number or a string.</summary>
    public long? MetadataInt64(string name)
    {
        if (Metadata is null || !Metadata.TryGetValue(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var number) => number,
            JsonValueKind.String when long.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }
}

/// <summary>What a custom handler answers for a non-HTTP trigger: output bindings, log lines, a return value.</summary>
internal sealed record HostInvocationResponse(
    [property: JsonPropertyName("Outputs")] Dictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue);
