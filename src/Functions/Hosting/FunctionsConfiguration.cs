using Microsoft.Extensions.Configuration.Memory;

namespace GuanGong.Functions.Hosting;

/// <summary>
/// Configuration the Functions way, lowest precedence first: the embedded defaults, then
/// <c>host.json</c> (under <c>AzureFunctionsJobHost</c>, as the Functions host exposes it, so an app
/// setting <c>AzureFunctionsJobHost__extensions__durableTask__hubName</c> overrides it), then
/// <c>local.settings.json</c> <c>Values</c>, then environment variables (app settings in Azure),
/// then explicit overrides (tests). The port is <c>FUNCTIONS_CUSTOMHANDLER_PORT</c> when the
/// Functions host runs us, else <c>Host.LocalHttpPort</c>, else 7071 (an explicit
/// <c>GuanGong:Port</c> setting wins over all three; tests use 0 for a free port).
/// </summary>
internal static class FunctionsConfiguration
{
    public const int DefaultPort = 7071;
    public const string StorageSetting = "AzureWebJobsStorage";
    public const string CustomHandlerPortVariable = "FUNCTIONS_CUSTOMHANDLER_PORT";
    public const string HostSection = "AzureFunctionsJobHost";

    /// <summary>The settings that apply when nothing else says otherwise: the local default.</summary>
    public static IReadOnlyDictionary<string, string?> EmbeddedDefaults { get; } = new Dictionary<string, string?>
    {
        [StorageSetting] = "UseDevelopmentStorage=true",
        ["GuanGong:Profile"] = "Local",
        ["GuanGong:LocalStack:StartAzurite"] = "true",
        ["GuanGong:LocalStack:Workspace"] = ".local/azurite",
        // ASP.NET Core's request lines carry the URL: link tokens (/r/{token}, ?t=) and uploaded file
        // names, which can name minors. Keep that category to warnings unless someone opts in.
        // The case workflow's activities run inside their orchestration's work item (one checkpoint
        // per stage instead of a queue round trip per activity); host.json says the same for Azure.
        ["AzureFunctionsJobHost:extensions:durableTask:localActivities"] = "true",
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
    };

    public static void Apply(
        ConfigurationManager configuration,
        string contentRoot,
        IReadOnlyDictionary<string, string?>? overrides,
        System.Collections.IDictionary? environmentVariables = null)
    {
        var localSettings = LocalSettingsFile.Load(Path.Combine(contentRoot, LocalSettingsFile.FileName));
        var environment = (environmentVariables ?? Environment.GetEnvironmentVariables())
            .Cast<System.Collections.DictionaryEntry>()
            .GroupBy(e => LocalSettingsFile.NormalizeKey((string)e.Key), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => (string?)g.Last().Value, StringComparer.OrdinalIgnoreCase);

        // Replace whatever WebApplication.CreateBuilder added, so precedence is exactly the documented one.
        var sources = configuration.Sources;
        sources.Clear();
        sources.Add(new MemoryConfigurationSource { InitialData = EmbeddedDefaults });
        sources.Add(new MemoryConfigurationSource { InitialData = HostJson.Load(contentRoot) });
        sources.Add(new MemoryConfigurationSource { InitialData = localSettings.Values });
        sources.Add(new MemoryConfigurationSource { InitialData = environment });
        if (overrides is not null)
        {
            sources.Add(new MemoryConfigurationSource { InitialData = overrides.ToDictionary(kv => LocalSettingsFile.NormalizeKey(kv.Key), kv => kv.Value) });
        }

        if (string.IsNullOrEmpty(configuration["GuanGong:Port"]))
        {
            configuration["GuanGong:Port"] = configuration[CustomHandlerPortVariable] is { Length: > 0 } handlerPort
                ? handlerPort
                : (localSettings.LocalHttpPort ?? DefaultPort).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The port the app listens on, as <see cref="Apply"/> resolved it.</summary>
    public static int Port(IConfiguration configuration) =>
        int.Parse(configuration["GuanGong:Port"] ?? DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
