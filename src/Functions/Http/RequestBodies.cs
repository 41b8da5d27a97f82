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

    /// <summary>
    /// Reads a JSON body within <see cref="DefaultJsonLimit"/> and parses it into <typeparamref name="T"/>: the value, or the
    /// problem to answer (413 when too large, 400 with the parser's errors under <paramref name="code"/> when malformed).
    /// </summary>
    public static async Task<(T? Body, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, string code, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = await ReadTextAsync(request.HttpContext, cancellationToken);
        if (json is null)
        {
            return (null, Problems.TooLarge("提交的内容太大。", "The request is too large."));
        }

        var parsed = Domain.DomainJson.Parse<T>(json, code);
        return parsed.IsSuccess ? (parsed.Value, null) : (null, Problems.Validation(parsed.Errors, "提交的数据格式不正确。"));
    }
}
