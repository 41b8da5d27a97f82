using System.Text.Json;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Reads <c>local.settings.json</c> the way Azure Functions Core Tools does: the <c>Values</c> object
/// holds app settings (which become environment variables under the Functions host), and
/// <c>Host.LocalHttpPort</c> the port. A key written with <c>__</c> means the same as with <c>:</c>.
/// </summary>
internal sealed record LocalSettingsFile(IReadOnlyDictionary<string, string?> Values, int? LocalHttpPort)
{
    public const string FileName = "local.settings.json";

    public static LocalSettingsFile Empty { get; } = new(new Dictionary<string, string?>(), null);

    public static LocalSettingsFile Load(string path)
    {
        if (!File.Exists(path))
        {
            return Empty;
        }

        using var stream = File.OpenRead(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException($"{path} is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (document.RootElement.TryGetProperty("Values", out var valuesElement) && valuesElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in valuesElement.EnumerateObject())
                {
                    values[NormalizeKey(property.Name)] = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Null => null,
                        _ => property.Value.GetRawText(),
                    };
                }
            }

            int? port = null;
            if (document.RootElement.TryGetProperty("Host", out var host)
                && host.TryGetProperty("LocalHttpPort", out var portElement)
                && portElement.TryGetInt32(out var parsed))
            {
                port = parsed;
            }

            return new LocalSettingsFile(values, port);
        }
    }

    public static string NormalizeKey(string key) => key.Replace("__", ":", StringComparison.Ordinal);
}
