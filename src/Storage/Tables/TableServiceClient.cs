using Azure;
using Azure.Core;
using GuanGong.Storage.Tables.Models;

namespace GuanGong.Storage.Tables;

/// <summary>
/// The table service of an account: creates and deletes tables and hands out <see cref="TableClient"/>s
/// that share its pipeline. Mirrors <c>Azure.Data.Tables.TableServiceClient</c>.
/// </summary>
public sealed class TableServiceClient
{
    private readonly StorageClientContext _context;

    /// <summary>A client for the account in <paramref name="connectionString"/>.</summary>
    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(StorageAccount.Parse(connectionString), options)
    {
    }

    /// <summary>A client for <paramref name="account"/>, with its key or token credential.</summary>
    public TableServiceClient(StorageAccount account, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        _context = StorageClientContext.Create(account.TableEndpoint, account.SharedKeyCredential, account.TokenCredential, options ?? new TableClientOptions(), "Table", StorageHeaders.TableVersion);
    }

    /// <summary>A client for the service at <paramref name="endpoint"/>, signing with the account key.</summary>
    public TableServiceClient(Uri endpoint, StorageSharedKeyCredential credential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        _context = StorageClientContext.Create(endpoint, credential, null, options ?? new TableClientOptions(), "Table", StorageHeaders.TableVersion);
    }

    /// <summary>A client for the service at <paramref name="endpoint"/> with an Entra ID token (e.g. managed identity).</summary>
    public TableServiceClient(Uri endpoint, TokenCredential tokenCredential, TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tokenCredential);
        _context = StorageClientContext.Create(endpoint, null, tokenCredential, options ?? new TableClientOptions(), "Table", StorageHeaders.TableVersion);
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri => _context.Endpoint;

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>A client for one table, sharing this client's pipeline.</summary>
    /// <exception cref="ArgumentException">The name is not a valid table name.</exception>
    public TableClient GetTableClient(string tableName) => new(_context, tableName);

    /// <summary>Creates the table unless it exists.</summary>
    public Task<Response<TableItem>> CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Deletes the table (404 is not an error).</summary>
    public Task<Response> DeleteTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        GetTableClient(tableName).DeleteAsync(cancellationToken);
}
