using System.Text.Json;
using System.Text.Json.Nodes;
using GuanGong.Functions.Hosting;

namespace GuanGong.Benchmarks.App;

/// <summary>The app's host.json <c>extensions.durableTask</c> section as the run used it, for the notes.</summary>
public static class DurableSettingsText
{
    public static string Read()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(AppComposition).Assembly.Location)!, "host.json");
        if (!File.Exists(path))
        {
            return "(host.json not found)";
        }

        var durable = JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["durableTask"];
        return durable?.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) ?? "(no durableTask section)";
    }
}
