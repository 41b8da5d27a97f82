using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GuanGong.Storage;

/// <summary>
/// Stamps <c>x-ms-date</c> and signs the request with the account key. It runs per retry, so every
/// attempt carries a fresh date and signature (a retried request signed once would be refused
/// once its date goes stale, and any header a later policy changed would break it).
/// </summary>
/// <remarks>
/// Every storage request passes through here, so the string to sign is built in a per-thread
/// <see cref="StringBuilder"/> and hashed from a pooled buffer rather than materialized as a string.
/// </remarks>
internal sealed class SharedKeyPolicy(StorageSharedKeyCredential credential, TimeProvider time, bool lite) : HttpPipelineSynchronousPolicy
{
    [ThreadStatic]
    private static StringBuilder? _cachedBuilder;

    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = StorageHeaders.FormatRfc1123(time.GetUtcNow());
        request.Headers.SetValue(StorageHeaders.Date, date);
        var builder = _cachedBuilder ?? new StringBuilder(512);
        _cachedBuilder = null;
        try
        {
            if (lite)
            {
                AppendTableStringToSign(builder, request, date);
            }
            else
            {
                AppendBlobQueueStringToSign(builder, request);
            }

            var signature = credential.ComputeHmacSha256(builder);
            request.Headers.SetValue(HttpHeader.Names.Authorization, string.Concat(lite ? "SharedKeyLite " : "SharedKey ", credential.AccountName, ":", signature));
        }
        finally
        {
            builder.Clear();
            _cachedBuilder = builder;
        }
    }

    /// <summary>
    /// SharedKeyLite for tables: <c>x-ms-date</c>, newline, canonicalized resource with only
    /// <c>?comp=</c> kept from the query.
    /// </summary>
    private void AppendTableStringToSign(StringBuilder builder, Request request, string date)
    {
        var uri = request.Uri.ToUri();
        builder.Append(date).Append('\n').Append('/').Append(credential.AccountName).Append(uri.AbsolutePath);
        foreach (var (name, value) in QueryParameters(uri.Query))
        {
            if (name.Equals("comp", StringComparison.OrdinalIgnoreCase))
            {
                builder.Append("?comp=").Append(value);
            }
        }
    }

    private void AppendBlobQueueStringToSign(StringBuilder builder, Request request)
    {
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
        if (uri.Query.Length <= 1)
        {
            return;
        }

        // Parameters by lower-cased name, sorted; repeated names joined by commas, values sorted.
        var parameters = QueryParameters(uri.Query).Select(p => (Name: p.Name.ToLowerInvariant(), p.Value)).ToList();
        parameters.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name) is var byName && byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value));
        for (var i = 0; i < parameters.Count; i++)
        {
            if (i > 0 && parameters[i].Name == parameters[i - 1].Name)
            {
                builder.Append(',').Append(parameters[i].Value);
            }
            else
            {
                builder.Append('\n').Append(parameters[i].Name).Append(':').Append(parameters[i].Value);
            }
        }
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
