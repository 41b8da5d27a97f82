namespace GuanGong.Functions.Http;

/// <summary>
/// Absolute links for emails: <c>GuanGong:PublicBaseUrl</c> (the site's public address, e.g. behind a
/// custom domain), else the host name the Functions host announces in <c>WEBSITE_HOSTNAME</c> (Azure
/// sets it to the app's <c>*.azurewebsites.net</c> name, Core Tools and the local host to
/// <c>localhost:7071</c>), else <c>http://127.0.0.1:7071</c>.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    private readonly Uri _base = new(BaseOf(configuration).TrimEnd('/') + "/");

    public Uri BaseAddress => _base;

    public string Absolute(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        return new Uri(_base, relativePath.TrimStart('/')).ToString();
    }

    private static string BaseOf(IConfiguration configuration)
    {
        if (configuration["GuanGong:PublicBaseUrl"] is { Length: > 0 } configured)
        {
            return configured;
        }

        if (configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host)
        {
            var local = host.StartsWith("localhost", StringComparison.OrdinalIgnoreCase) || host.StartsWith("127.", StringComparison.Ordinal);
            return (local ? "http://" : "https://") + host;
        }

        return "http://127.0.0.1:7071";
    }
}
