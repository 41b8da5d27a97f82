using System.Text.Json;
using Azure;
using Azure.Core;

namespace GuanGong.Storage.Tables;

public sealed partial class TableClient
{
    /// <summary>The service returns at most this many entities per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// Queries entities with an OData <paramref name="filter"/> (build it with
    /// <see cref="CreateQueryFilter(FormattableString)"/> so values are escaped), following
    /// continuation tokens transparently. <paramref name="maxPerPage"/> becomes <c>$top</c>
    /// (at most 1000); <paramref name="select"/> becomes <c>$select</c>.
    /// </summary>
    public AsyncPageable<T> QueryAsync<T>(string? filter = null, int? maxPerPage = null, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        if (maxPerPage is <= 0 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, $"A page holds 1 to {MaxPageSize} entities.");
        }

        var selectText = select is null ? null : string.Join(',', select);
        return new QueryPageable<T>(this, filter, maxPerPage, string.IsNullOrEmpty(selectText) ? null : selectText, cancellationToken);
    }

    private async Task<Page<T>> QueryPageAsync<T>(string? filter, int? top, string? select, string? continuation, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        using var message = _context.CreateMessage(RequestMethod.Get, _escapedName + "()", "QueryEntities");
        var request = message.Request;
        request.Headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        if (!string.IsNullOrEmpty(filter))
        {
            request.Uri.AppendQuery("$filter", filter, escapeValue: true);
        }

        if (top is not null)
        {
            request.Uri.AppendQuery("$top", top.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), escapeValue: false);
        }

        if (select is not null)
        {
            request.Uri.AppendQuery("$select", select, escapeValue: true);
        }

        if (continuation is not null)
        {
            var space = continuation.IndexOf(' ', StringComparison.Ordinal);
            var nextPartition = space < 0 ? continuation : continuation[..space];
            var nextRow = space < 0 ? null : continuation[(space + 1)..];
            request.Uri.AppendQuery("NextPartitionKey", nextPartition, escapeValue: true);
            if (!string.IsNullOrEmpty(nextRow))
            {
                request.Uri.AppendQuery("NextRowKey", nextRow, escapeValue: true);
            }
        }

        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var values = new List<T>();
        using (var document = JsonDocument.Parse(response.Content))
        {
            if (document.RootElement.TryGetProperty("value", out var array))
            {
                values.Capacity = array.GetArrayLength();
                foreach (var item in array.EnumerateArray())
                {
                    values.Add(TableEntityMapper.Materialize<T>(TableEntityJson.Read(item)));
                }
            }
        }

        string? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var partitionToken) && !string.IsNullOrEmpty(partitionToken))
        {
            next = response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var rowToken) && !string.IsNullOrEmpty(rowToken)
                ? partitionToken + " " + rowToken
                : partitionToken;
        }

        return Page<T>.FromValues(values, next, response);
    }

    private sealed class QueryPageable<T>(TableClient client, string? filter, int? maxPerPage, string? select, CancellationToken cancellationToken) : AsyncPageable<T>(cancellationToken)
        where T : class, ITableEntity, new()
    {
        public override async IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null)
        {
            var top = pageSizeHint ?? maxPerPage;
            var token = continuationToken;
            do
            {
                var page = await client.QueryPageAsync<T>(filter, top, select, token, CancellationToken).ConfigureAwait(false);
                yield return page;
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }
}
