using System.Buffers;
using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace GuanGong.Storage.Tables;

public sealed partial class TableClient
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();

    /// <summary>
    /// Submits an entity group transaction: all operations succeed or none do. Checked before
    /// sending: 1 to 100 operations, one partition key, each row key once, every entity within
    /// limits, and the payload at most 4 MiB. On refusal throws
    /// <see cref="TableTransactionFailedException"/> naming the failing operation's index.
    /// </summary>
    /// <returns>One response per operation, in order (each with its new ETag where there is one).</returns>
    public async Task<Response<IReadOnlyList<Response>>> SubmitTransactionAsync(IEnumerable<TableTransactionAction> transactionActions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transactionActions);
        var actions = transactionActions as IReadOnlyList<TableTransactionAction> ?? transactionActions.ToList();
        ValidateTransaction(actions);

        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var body = BuildTransactionBody(actions, batchBoundary);
        if (body.Length > TableLimits.MaxTransactionSize)
        {
            throw new ArgumentException($"The transaction payload is {body.Length} bytes; Azure allows {TableLimits.MaxTransactionSize} (4 MiB).", nameof(transactionActions));
        }

        using var message = _context.CreateMessage(RequestMethod.Post, "$batch", "SubmitTransaction");
        var headers = message.Request.Headers;
        headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        headers.SetValue(HttpHeader.Names.ContentType, "multipart/mixed; boundary=" + batchBoundary);
        headers.SetValue("DataServiceVersion", "3.0");
        headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        message.Request.Content = RequestContent.Create(body);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);

        var parts = TransactionResponseParser.Parse(response.Content.ToString());
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (part.Status >= 400)
            {
                throw TransactionFailure(part, actions);
            }
        }

        return Response.FromValue<IReadOnlyList<Response>>(parts, response);
    }

    private static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0)
        {
            throw new ArgumentException("A transaction needs at least one operation.", "transactionActions");
        }

        if (actions.Count > TableLimits.MaxTransactionOperations)
        {
            throw new ArgumentException($"A transaction holds at most {TableLimits.MaxTransactionOperations} operations; this one has {actions.Count}.", "transactionActions");
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(actions.Count, StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Operation {i} has partition key '{entity.PartitionKey}' but the transaction is for '{partitionKey}': a transaction spans one partition.", "transactionActions");
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Operation {i} repeats row key '{entity.RowKey}': a transaction may touch each entity once.", "transactionActions");
            }
        }
    }

    private byte[] BuildTransactionBody(IReadOnlyList<TableTransactionAction> actions, string batchBoundary)
    {
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var baseUri = _context.Endpoint.AbsoluteUri.TrimEnd('/') + "/";
        var buffer = new ArrayBufferWriter<byte>(1024 * actions.Count);
        Line(buffer, "--" + batchBoundary);
        Line(buffer, "Content-Type: multipart/mixed; boundary=" + changesetBoundary);
        Line(buffer, string.Empty);
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            var entity = action.Entity;
            Line(buffer, "--" + changesetBoundary);
            Line(buffer, "Content-Type: application/http");
            Line(buffer, "Content-Transfer-Encoding: binary");
            Line(buffer, string.Empty);
            var (method, byKeys, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", false, null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", true, StorageHeaders.FormatETag(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", true, StorageHeaders.FormatETag(action.ETag), true),
                TableTransactionActionType.Delete => ("DELETE", true, StorageHeaders.FormatETag(action.ETag), false),
                TableTransactionActionType.UpsertMerge => ("MERGE", true, (string?)null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", true, (string?)null, true),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };
            if (!hasBody)
            {
                TableLimits.ValidateKey(entity.PartitionKey, "PartitionKey");
                TableLimits.ValidateKey(entity.RowKey, "RowKey");
            }

            Line(buffer, method + " " + baseUri + (byKeys ? EntityPath(entity.PartitionKey, entity.RowKey) : _escapedName) + " HTTP/1.1");
            Line(buffer, "Accept: " + JsonAccept);
            Line(buffer, "Content-ID: " + (i + 1).ToString(CultureInfo.InvariantCulture));
            Line(buffer, "Prefer: return-no-content");
            Line(buffer, "DataServiceVersion: 3.0");
            if (ifMatch is not null)
            {
                Line(buffer, "If-Match: " + ifMatch);
            }

            if (hasBody)
            {
                Line(buffer, "Content-Type: application/json");
                Line(buffer, string.Empty);
                WriteEntity(buffer, entity);
                buffer.Write(Crlf);
            }
            else
            {
                Line(buffer, string.Empty);
            }
        }

        Line(buffer, "--" + changesetBoundary + "--");
        Line(buffer, string.Empty);
        Line(buffer, "--" + batchBoundary + "--");
        return buffer.WrittenSpan.ToArray();
    }

    private static void Line(ArrayBufferWriter<byte> buffer, string text)
    {
        var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 2);
        var written = Encoding.UTF8.GetBytes(text, span);
        span[written] = (byte)'\r';
        span[written + 1] = (byte)'\n';
        buffer.Advance(written + 2);
    }

    private static TableTransactionFailedException TransactionFailure(TransactionPartResponse part, IReadOnlyList<TableTransactionAction> actions)
    {
        string? code = part.ErrorCode;
        var serviceMessage = part.ErrorMessage ?? part.ReasonPhrase;
        int? index = null;
        var colon = serviceMessage.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(serviceMessage.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed < actions.Count)
        {
            index = parsed;
        }
        else if (actions.Count == 1)
        {
            index = 0;
        }

        var text = $"The transaction was rolled back: operation {(index?.ToString(CultureInfo.InvariantCulture) ?? "?")} failed with {part.Status} ({code}): {serviceMessage}";
        return new TableTransactionFailedException(part.Status, text, code, index, index is null ? null : actions[index.Value], null);
    }
}
