using System.Text.Json;

namespace GuanGong.LocalHost.Configuration;

/// <summary>
/// local.settings.json as Core Tools reads it: <c>Values</c> become app settings (keys with <c>__</c>
/// read as <c>:</c>, like environment variables), <c>ConnectionStrings</c> become
/// <c>ConnectionStrings:name</c>, and <c>Host.LocalHttpPort</c> is the default port.
/// </summary>
public sealed class LocalSettingsFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "local.settings.json";

    private LocalSettingsFile(string? path, IReadOnlyDictionary<string, string?> values, int? localHttpPort)
    {
        Path = path;
        Values = values;
        LocalHttpPort = localHttpPort;
    }

    /// <summary>Where it was read from; null when there was none.</summary>
    public string? Path { get; }

    /// <summary>The settings, as configuration keys.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; }

    /// <summary><c>Host.LocalHttpPort</c>, if set.</summary>
    public int? LocalHttpPort { get; }

    /// <summary>An empty file (no local.settings.json found).</summary>
    public static LocalSettingsFile None { get; } = new(null, new Dictionary<string, string?>(), null);

    /// <summary>Finds local.settings.json next to the app, else in the working directory.</summary>
    public static LocalSettingsFile Find(string appDirectory, string workingDirectory)
    {
        foreach (var folder in new[] { appDirectory, workingDirectory })
        {
            var path = System.IO.Path.Combine(folder, FileName);
            if (File.Exists(path))
            {
                return Read(path);
            }
        }

        return None;
    }

    /// <summary>Reads one file.</summary>
    public static LocalSettingsFile Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), HostJsonFile.Lenient);
        var root = document.RootElement;
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("Values", out var settings) && settings.ValueKind == JsonValueKind.Object)
        {
            foreach (var setting in settings.EnumerateObject())
            {
                values[ToConfigurationKey(setting.Name)] = AsString(setting.Value);
            }
        }

        if (root.TryGetProperty("ConnectionStrings", out var connections) && connections.ValueKind == JsonValueKind.Object)
        {
            foreach (var connection in connections.EnumerateObject())
            {
                values["ConnectionStrings:" + connection.Name] = AsString(connection.Value);
            }
        }

        int? port = root.TryGetProperty("Host", out var host)
            && host.ValueKind == JsonValueKind.Object
            && host.TryGetProperty("LocalHttpPort", out var portValue)
            && portValue.TryGetInt32(out var parsed)
                ? parsed
                : null;
        return new LocalSettingsFile(System.IO.Path.GetFullPath(path), values, port);
    }

    /// <summary>Environment-variable style keys (<c>A__B</c>) as configuration keys (<c>A:B</c>).</summary>
    public static string ToConfigurationKey(string key) => key.Replace("__", ":", StringComparison.Ordinal);

    private static string? AsString(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null => null,
        _ => value.GetRawText(),
    };
}
