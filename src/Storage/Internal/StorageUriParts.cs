using System.Net;

namespace GuanGong.Storage;

/// <summary>
/// Splits storage URIs. Azurite (and any IP or localhost endpoint) is path-style: the account is the
/// first path segment. Azure is host-style: the account is the first label of the host.
/// </summary>
internal static class StorageUriParts
{
    public static bool IsPathStyle(Uri uri) =>
        uri.IsLoopback || IPAddress.TryParse(uri.Host, out _) || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    public static string AccountNameOf(Uri serviceOrResourceUri)
    {
        if (IsPathStyle(serviceOrResourceUri))
        {
            var path = serviceOrResourceUri.AbsolutePath.AsSpan().TrimStart('/');
            var slash = path.IndexOf('/');
            return (slash < 0 ? path : path[..slash]).ToString();
        }

        var host = serviceOrResourceUri.Host;
        var dot = host.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? host : host[..dot];
    }

    /// <summary>
    /// Splits a resource URI into its service endpoint and the path segments after it (container and
    /// blob name, or queue name, or table name), without the query.
    /// </summary>
    public static (Uri ServiceEndpoint, string[] Segments) Split(Uri resourceUri)
    {
        var segments = resourceUri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var skip = IsPathStyle(resourceUri) ? 1 : 0;
        var builder = new UriBuilder(resourceUri) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = skip == 1 && segments.Length > 0 ? "/" + segments[0] : "/";
        var rest = segments.Skip(skip).Select(Uri.UnescapeDataString).ToArray();
        return (new Uri(builder.Uri.GetLeftPart(UriPartial.Path).TrimEnd('/')), rest);
    }

    /// <summary>Appends escaped path segments to an endpoint (keeping '/' inside a blob name as a separator).</summary>
    public static Uri Append(Uri endpoint, string path)
    {
        var baseText = endpoint.AbsoluteUri.TrimEnd('/');
        return new Uri(baseText + "/" + EscapePath(path));
    }

    public static string EscapePath(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
