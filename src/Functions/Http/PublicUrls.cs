namespace GuanGong.Functions.Http;

/// <summary>
/// Absolute links for emails: <c>GuanGong:PublicBaseUrl</c> (the site's public address in Azure),
/// else the local address the app listens on.
/// </summary>
public sealed class PublicUrls(IConfiguration configuration)
{
    private readonly Uri _base = new((configuration["GuanGong:PublicBaseUrl"] is { Length: > 0 } configured
        ? configured
        : $"http://127.0.0.1:{Hosting.FunctionsConfiguration.Port(configuration)}").TrimEnd('/') + "/");

    public Uri BaseAddress => _base;

    public string Absolute(string relativePath) => new Uri(_base, relativePath.TrimStart('/')).ToString();
}
