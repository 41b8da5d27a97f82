using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace GuanGong.LocalHost.Configuration;

/// <summary>
/// The app's host.json as configuration, with <c>AzureFunctionsJobHost__…</c> settings of the app's
/// configuration overriding it as they do in Azure (<c>AzureFunctionsJobHost__extensions__http__routePrefix</c>).
/// </summary>
public sealed class HostJsonFile
{
    /// <summary>The file's name.</summary>
    public const string FileName = "host.json";

    /// <summary>The configuration section that overrides host.json.</summary>
    public const string OverrideSection = "AzureFunctionsJobHost";

    internal static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private HostJsonFile(string? path, IConfiguration configuration)
    {
        Path = path;
        Configuration = configuration;
        RoutePrefix = (configuration["extensions:http:routePrefix"] ?? "api").Trim('/');
    }

    /// <summary>Where it was read from; null when the app has none.</summary>
    public string? Path { get; }

    /// <summary>host.json with the overrides applied (keys like <c>extensions:durableTask:hubName</c>).</summary>
    public IConfiguration Configuration { get; }

    /// <summary><c>extensions.http.routePrefix</c>, default <c>api</c>; "" means none.</summary>
    public string RoutePrefix { get; }

    /// <summary>Reads host.json from the app's folder, then applies overrides from the app's configuration.</summary>
    public static HostJsonFile Read(string appDirectory, IConfiguration appConfiguration)
    {
        var path = System.IO.Path.Combine(appDirectory, FileName);
        var builder = new ConfigurationBuilder();
        if (File.Exists(path))
        {
            builder.AddJsonFile(path, optional: false, reloadOnChange: false);
        }
        else
        {
            path = null;
        }

        var overrides = appConfiguration.GetSection(OverrideSection)
            .AsEnumerable(makePathsRelative: true)
            .Where(pair => pair.Value is not null);
        builder.AddInMemoryCollection(overrides);
        return new HostJsonFile(path, builder.Build());
    }
}
