using System.Buffers;
using System.Text.Json;
using Azure;
using Azure.Core;
using GuanGong.Storage.Tables.Models;

namespace GuanGong.Storage.Tables;

/// <summary>
/// One table: entities, queries and entity group transactions. Mirrors
/// <c>Azure.Data.Tables.TableClient</c>. Keys, entities and transactions are checked against
/// Azure's limits (<see cref="TableLimits"/>) before any request is sent.
/// </summary>
public sealed partial class TableClient
{
    private const string JsonAccept = "application/json;odata=minimalmetadata";
    private static readonly RequestMethod Merge = new("MERGE");

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _entityBuffer;

    [ThreadStatic]
    private static Utf8JsonWriter? _entityWriter;

    private readonly StorageClientContext _context;
    private readonly string _escapedName;

    /// <summary>A client for table <paramref name="tableName"/> in the account of <paramref name="connectionString"/>.</summary>
    public TableClient(string connectionString, string tableName, TableClientOptions? options = null)
        : this(new TableServiceClient(connectionString, options).GetTableClient(tableName))
    {
    }

    /// <summary>A client for table <paramref name="tableName"/> at the service <paramref name="endpoint"/>, signing with the account key.</summary>
    public TableClient(Uri endpoint, string tableName, StorageSharedKeyCredential credential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, credential, options).GetTableClient(tableName))
    {
    }

    /// <summary>A client for table <paramref name="tableName"/> at the service <paramref name="endpoint"/>, with an Entra ID token.</summary>
    public TableClient(Uri endpoint, string tableName, TokenCredential tokenCredential, TableClientOptions? options = null)
        : this(new TableServiceClient(endpoint, tokenCredential, options).GetTableClient(tableName))
    {
    }

    internal TableClient(StorageClientContext context, string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        _context = context;
        Name = tableName;
        _escapedName = Uri.EscapeDataString(tableName);
    }

    private TableClient(TableClient other)
    {
        _context = other._context;
        Name = other.Name;
        _escapedName = other._escapedName;
    }

    /// <summary>The table name.</summary>
    public string Name { get; }

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>The table's URI.</summary>
    public Uri Uri => StorageUriParts.Append(_context.Endpoint, Name);

    /// <summary>Creates the table; throws 409 <c>TableAlreadyExists</c> if it exists.</summary>
    public async Task<Response<TableItem>> CreateAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateTableMessage();
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Creates the table unless it exists (a 409 <c>TableAlreadyExists</c> is success).</summary>
    public async Task<Response<TableItem>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateTableMessage();
        var response = await _context.SendAsync(message, cancellationToken, expected: 409).ConfigureAwait(false);
        return Response.FromValue(new TableItem(Name), response);
    }

    /// <summary>Deletes the table; a missing table is not an error.</summary>
    public async Task<Response> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var message = _context.CreateMessage(RequestMethod.Delete, $"Tables('{_escapedName}')", "DeleteTable");
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        return await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
    }

    /// <summary>Inserts an entity; throws 409 <c>EntityAlreadyExists</c> if one has its keys.</summary>
    public async Task<Response> AddEntityAsync<T>(T entity, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        using var message = EntityWriteMessage(RequestMethod.Post, entity, byKeys: false, ifMatch: null, "InsertEntity");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Inserts or updates an entity: <see cref="TableUpdateMode.Merge"/> keeps stored properties the entity lacks, <see cref="TableUpdateMode.Replace"/> drops them.</summary>
    public async Task<Response> UpsertEntityAsync<T>(T entity, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        using var message = EntityWriteMessage(MethodFor(mode), entity, byKeys: true, ifMatch: null, "UpsertEntity");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Updates an existing entity if its ETag still matches <paramref name="ifMatch"/> (<see cref="ETag.All"/>
    /// matches any). Throws 412 <c>UpdateConditionNotSatisfied</c> on a stale ETag, 404 <c>ResourceNotFound</c> if missing.
    /// </summary>
    public async Task<Response> UpdateEntityAsync<T>(T entity, ETag ifMatch, TableUpdateMode mode = TableUpdateMode.Merge, CancellationToken cancellationToken = default)
        where T : class, ITableEntity
    {
        using var message = EntityWriteMessage(MethodFor(mode), entity, byKeys: true, StorageHeaders.FormatETag(ifMatch), "UpdateEntity");
        return await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes an entity if its ETag matches <paramref name="ifMatch"/> (default: any). A missing
    /// entity is not an error (as in the SDK); a stale ETag throws 412.
    /// </summary>
    public async Task<Response> DeleteEntityAsync(string partitionKey, string rowKey, ETag ifMatch = default, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        using var message = _context.CreateMessage(RequestMethod.Delete, EntityPath(partitionKey, rowKey), "DeleteEntity");
        var headers = message.Request.Headers;
        headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        headers.SetValue(HttpHeader.Names.IfMatch, StorageHeaders.FormatETag(ifMatch));
        return await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
    }

    /// <summary>Reads one entity; throws 404 <c>ResourceNotFound</c> if it does not exist.</summary>
    public async Task<Response<T>> GetEntityAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = GetEntityMessage(partitionKey, rowKey, select);
        var response = await _context.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return Response.FromValue(ReadEntity<T>(response), response);
    }

    /// <summary>Reads one entity, or a response without a value if it does not exist.</summary>
    public async Task<NullableResponse<T>> GetEntityIfExistsAsync<T>(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
        where T : class, ITableEntity, new()
    {
        using var message = GetEntityMessage(partitionKey, rowKey, select);
        var response = await _context.SendAsync(message, cancellationToken, expected: 404).ConfigureAwait(false);
        return response.Status == 404
            ? new StorageNullableResponse<T>(response, default, hasValue: false)
            : new StorageNullableResponse<T>(response, ReadEntity<T>(response), hasValue: true);
    }

    private HttpMessage CreateTableMessage()
    {
        var message = _context.CreateMessage(RequestMethod.Post, "Tables", "CreateTable");
        var request = message.Request;
        SetJsonWriteHeaders(request);
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("TableName", Name);
            writer.WriteEndObject();
        }

        request.Content = RequestContent.Create(buffer.WrittenMemory);
        return message;
    }

    private HttpMessage EntityWriteMessage(RequestMethod method, ITableEntity entity, bool byKeys, string? ifMatch, string operation)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var body = SerializeEntity(entity);
        var message = _context.CreateMessage(method, byKeys ? EntityPath(entity.PartitionKey, entity.RowKey) : _escapedName, operation);
        SetJsonWriteHeaders(message.Request);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue(HttpHeader.Names.IfMatch, ifMatch);
        }

        message.Request.Content = RequestContent.Create(body);
        return message;
    }

    /// <summary>JSON in and out; <c>return-no-content</c> saves the service echoing the entity back.</summary>
    private static void SetJsonWriteHeaders(Request request)
    {
        var headers = request.Headers;
        headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        headers.SetValue(HttpHeader.Names.ContentType, "application/json");
        headers.SetValue(HttpHeader.Names.Prefer, "return-no-content");
        headers.SetValue("DataServiceVersion", "3.0");
    }

    /// <summary>Validates the entity against Azure's limits and returns its JSON.</summary>
    internal static byte[] SerializeEntity(ITableEntity entity)
    {
        // Every write passes through here: reuse one buffer and writer per thread (no await in
        // between) and allocate only the exact-size result.
        var buffer = _entityBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        WriteEntity(buffer, entity);
        var json = buffer.WrittenSpan.ToArray();
        if (buffer.Capacity > 256 * 1024)
        {
            _entityBuffer = null;
        }

        return json;
    }

    /// <summary>Validates the entity against Azure's limits and writes its JSON to <paramref name="output"/>.</summary>
    internal static void WriteEntity(IBufferWriter<byte> output, ITableEntity entity)
    {
        var properties = TableEntityMapper.PropertiesOf(entity);
        TableLimits.ValidateEntity(entity.PartitionKey, entity.RowKey, properties);
        var writer = _entityWriter ??= new Utf8JsonWriter(output);
        writer.Reset(output);
        TableEntityJson.Write(writer, entity.PartitionKey, entity.RowKey, properties);
        writer.Flush();
        writer.Reset(Stream.Null);
    }

    private HttpMessage GetEntityMessage(string partitionKey, string rowKey, IEnumerable<string>? select)
    {
        TableLimits.ValidateKey(partitionKey, nameof(partitionKey));
        TableLimits.ValidateKey(rowKey, nameof(rowKey));
        var message = _context.CreateMessage(RequestMethod.Get, EntityPath(partitionKey, rowKey), "GetEntity");
        message.Request.Headers.SetValue(HttpHeader.Names.Accept, JsonAccept);
        AppendSelect(message.Request, select);
        return message;
    }

    private static T ReadEntity<T>(Response response)
        where T : class, ITableEntity, new()
    {
        using var document = JsonDocument.Parse(response.Content);
        var entity = TableEntityJson.Read(document.RootElement);
        if (entity.ETag == default && response.Headers.TryGetValue("ETag", out var etag))
        {
            entity.ETag = new ETag(etag);
        }

        return TableEntityMapper.Materialize<T>(entity);
    }

    private static void AppendSelect(Request request, IEnumerable<string>? select)
    {
        if (select is not null)
        {
            var joined = string.Join(',', select);
            if (joined.Length > 0)
            {
                request.Uri.AppendQuery("$select", joined, escapeValue: true);
            }
        }
    }

    private static RequestMethod MethodFor(TableUpdateMode mode) => mode switch
    {
        TableUpdateMode.Merge => Merge,
        TableUpdateMode.Replace => RequestMethod.Put,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown update mode."),
    };

    /// <summary><c>{table}(PartitionKey='…',RowKey='…')</c>: quotes doubled, then percent-encoded.</summary>
    internal string EntityPath(string partitionKey, string rowKey) =>
        string.Concat(_escapedName, "(PartitionKey='", EscapeKey(partitionKey), "',RowKey='", EscapeKey(rowKey), "')");

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
