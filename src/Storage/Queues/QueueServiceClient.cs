using Azure.Core;

namespace GuanGong.Storage.Queues;

/// <summary>
/// The queue service of an account; hands out <see cref="QueueClient"/>s that share its pipeline.
/// Mirrors <c>Azure.Storage.Queues.QueueServiceClient</c>.
/// </summary>
public sealed class QueueServiceClient
{
    private readonly StorageClientContext _context;
    private readonly QueueMessageEncoding _encoding;

    /// <summary>A client for the account in <paramref name="connectionString"/>.</summary>
    public QueueServiceClient(string connectionString, QueueClientOptions? options = null)
        : this(StorageAccount.Parse(connectionString), options)
    {
    }

    /// <summary>A client for <paramref name="account"/>, with its key or token credential.</summary>
    public QueueServiceClient(StorageAccount account, QueueClientOptions? options = null)
        : this(account?.QueueEndpoint!, account?.SharedKeyCredential, account?.TokenCredential, options)
    {
    }

    /// <summary>A client for the service at <paramref name="serviceUri"/>, signing with the account key.</summary>
    public QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential credential, QueueClientOptions? options = null)
        : this(serviceUri, credential ?? throw new ArgumentNullException(nameof(credential)), null, options)
    {
    }

    /// <summary>A client for the service at <paramref name="serviceUri"/> with an Entra ID token (e.g. managed identity).</summary>
    public QueueServiceClient(Uri serviceUri, TokenCredential credential, QueueClientOptions? options = null)
        : this(serviceUri, null, credential ?? throw new ArgumentNullException(nameof(credential)), options)
    {
    }

    private QueueServiceClient(Uri serviceUri, StorageSharedKeyCredential? sharedKey, TokenCredential? token, QueueClientOptions? options)
    {
        ArgumentNullException.ThrowIfNull(serviceUri);
        options ??= new QueueClientOptions();
        _encoding = options.MessageEncoding;
        _context = StorageClientContext.Create(serviceUri, sharedKey, token, options, "Queue", StorageHeaders.QueueVersion);
    }

    /// <summary>The service endpoint.</summary>
    public Uri Uri => _context.Endpoint;

    /// <summary>The account name.</summary>
    public string AccountName => _context.AccountName;

    /// <summary>A client for one queue, sharing this client's pipeline.</summary>
    /// <exception cref="ArgumentException">The name is not a valid queue name.</exception>
    public QueueClient GetQueueClient(string queueName) => new(_context, queueName, _encoding);
}
