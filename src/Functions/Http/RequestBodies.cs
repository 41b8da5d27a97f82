using System.Text;

namespace GuanGong.Functions.Http;

/// <summary>
/// Reads a request body up to a limit, stopping as soon as it is exceeded, so an oversized or
/// endless body costs at most the limit in memory. A declared Content-Length over the limit is
/// refused before anything is read.
/// </summary>
public static class RequestBodies
{
    public const int DefaultJsonLimit = 1024 * 1024;

    public static async Task<byte[]?> ReadLimitedAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a UTF-8 body of at most <see cref="DefaultJsonLimit"/> bytes.</summary>
    public static Task<string?> ReadTextAsync(HttpContext http, CancellationToken cancellationToken) => ReadTextAsync(http, DefaultJsonLimit, cancellationToken);

    public static async Task<string?> ReadTextAsync(HttpContext http, int limit, CancellationToken cancellationToken) =>
        await ReadLimitedAsync(http, limit, cancellationToken) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
}
