using System.Text.Json;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Flattens <c>host.json</c> into configuration keys under <c>AzureFunctionsJobHost</c>, the prefix the
/// Functions host uses, so the engine reads <c>AzureFunctionsJobHost:extensions:durableTask</c> locally
/// and in Azure alike. Looks in the content root, then walks up (a local run starts in src/Functions).
/// </summary>
internal static class HostJson
{
    public const string FileName = "host.json";

    public static IReadOnlyDictionary<string, string?> Load(string contentRoot)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var path = Find(contentRoot);
        if (path is null)
        {
            return values;
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Flatten(document.RootElement, FunctionsConfiguration.HostSection, values);
        return values;
    }

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> values)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Flatten(property.Value, $"{prefix}:{property.Name}", values);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{index++}", values);
                }

                break;
            case JsonValueKind.String:
                values[prefix] = element.GetString();
                break;
            case JsonValueKind.Null:
                values[prefix] = null;
                break;
            default:
                values[prefix] = element.GetRawText();
                break;
        }
    }
}
