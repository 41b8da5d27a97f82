using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Storage;

/// <summary>
/// Stamps <c>x-ms-date</c> and signs the request with the account key. It runs per retry, so every
/// attempt carries a fresh date and signature (a retried request signed once would be refused
/// once its date goes stale, and any header a later policy changed would break it).
/// </summary>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider time, bool lite) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = StorageHeaders.FormatRfc1123(time.GetUtcNow());
        request.Headers.SetValue(StorageHeaders.Date, date);
        var stringToSign = lite ? TableStringToSign(request, date) : BlobQueueStringToSign(request);
        request.Headers.SetValue(HttpHeader.Names.Authorization, (lite ? "SharedKeyLite " : "SharedKey ") + credential.AccountName + ":" + credential.ComputeHmacSha256(stringToSign));
    }

    /// <summary>
    /// SharedKeyLite for tables: <c>x-ms-date</c>, newline, canonicalized resource with only
    /// <c>?comp=</c> kept from the query.
    /// </summary>
    private string TableStringToSign(Request request, string date)
    {
        var uri = request.Uri.ToUri();
        var builder = new StringBuilder(date.Length + uri.AbsolutePath.Length + 40);
        builder.Append(date).Append('\n').Append('/').Append(credential.AccountName).Append(uri.AbsolutePath);
        foreach (var (name, value) in QueryParameters(uri.Query))
        {
            if (name.Equals("comp", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append("?comp=").Append(value);
            }
        }

        return builder.ToString();
    }

    private string BlobQueueStringToSign(Request request)
    {
        var builder = new StringBuilder(512);
        builder.Append(request.Method.Method).Append('\n');
        AppendHeader(builder, request, "Content-Encoding");
        AppendHeader(builder, request, "Content-Language");
        var length = request.Content is not null && request.Content.TryComputeLength(out var l) ? l : 0;
        if (length != 0)
        {
            builder.Append(length);
        }

        builder.Append('\n');
        AppendHeader(builder, request, "Content-MD5");
        AppendHeader(builder, request, HttpHeader.Names.ContentType);
        builder.Append('\n'); // Date: we send x-ms-date instead.
        AppendHeader(builder, request, HttpHeader.Names.IfModifiedSince);
        AppendHeader(builder, request, HttpHeader.Names.IfMatch);
        AppendHeader(builder, request, HttpHeader.Names.IfNoneMatch);
        AppendHeader(builder, request, HttpHeader.Names.IfUnmodifiedSince);
        AppendHeader(builder, request, HttpHeader.Names.Range);

        var msHeaders = new List<KeyValuePair<string, string>>(8);
        foreach (var header in request.Headers)
        {
            if (header.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            {
                msHeaders.Add(KeyValuePair.Create(header.Name.ToLowerInvariant(), header.Value.Trim()));
            }
        }

        msHeaders.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var (name, value) in msHeaders)
        {
            builder.Append(name).Append(':').Append(value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(credential.AccountName).Append(uri.AbsolutePath);
        var parameters = QueryParameters(uri.Query).ToList();
        if (parameters.Count > 0)
        {
            foreach (var group in parameters
                .GroupBy(p => p.Name.ToLowerInvariant(), StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                builder.Append('\n').Append(group.Key).Append(':')
                    .AppendJoin(',', group.Select(p => p.Value).Order(StringComparer.Ordinal));
            }
        }

        return builder.ToString();
    }

    private static void AppendHeader(StringBuilder builder, Request request, string name)
    {
        if (request.Headers.TryGetValue(name, out var value))
        {
            builder.Append(value);
        }

        builder.Append('\n');
    }

    private static IEnumerable<(string Name, string Value)> QueryParameters(string query)
    {
        if (query.Length <= 1)
        {
            yield break;
        }

        foreach (var pair in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? string.Empty : Uri.UnescapeDataString(pair[(eq + 1)..]);
            yield return (name, value);
        }
    }
}
