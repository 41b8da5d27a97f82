using Azure.Core;
using Azure.Core.Pipeline;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Queues;
using GuanGong.Storage.Tables;
using GuanGong.Testing;

namespace GuanGong.Storage.Tests;

public sealed class StoragePipelineTests
{
    [Fact]
    public async Task Retry_FirstAttemptFails_SecondAttemptIsSignedAfresh()
    {
        var azurite = await SharedAzurite.GetAsync();
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var flaky = new FailFirstAttemptPolicy(clock);
        var counter = new StorageRequestCounter();
        var options = TestStorage.Configure(new TableClientOptions { TimeProvider = clock }, counter);
        options.AddPolicy(flaky, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(StorageAccount.Parse(azurite.Endpoints.ConnectionString), options).GetTableClient(SharedAzurite.UniqueName("t"));

        await table.CreateIfNotExistsAsync();

        Assert.Equal(2, flaky.Attempts.Count);
        Assert.NotEqual(flaky.Attempts[0].Date, flaky.Attempts[1].Date);
        Assert.NotEqual(flaky.Attempts[0].Authorization, flaky.Attempts[1].Authorization);
        Assert.StartsWith("SharedKeyLite devstoreaccount1:", flaky.Attempts[1].Authorization, StringComparison.Ordinal);
        Assert.Equal(2, counter.Get("Table", "CreateTable"));
    }

    [Fact]
    public async Task Retry_BlobPutFailsOnce_SucceedsWithSharedKeyResigned()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var flaky = new FailFirstAttemptPolicy(clock);
        var options = new BlobClientOptions { TimeProvider = clock };
        options.AddPolicy(flaky, HttpPipelinePosition.PerRetry);
        var (container, counter) = await TestStorage.NewContainerAsync(options: options);
        flaky.Arm();

        await container.GetBlobClient("b").UploadAsync(new BinaryData("payload"));

        Assert.Equal(2, counter.Get("Blob", "PutBlob"));
        Assert.Equal("payload", (await container.GetBlobClient("b").DownloadContentAsync()).Value.Content.ToString());
        Assert.NotEqual(flaky.Attempts[0].Authorization, flaky.Attempts[1].Authorization);
    }

    [Fact]
    public async Task TokenCredential_Request_CarriesBearerTokenForStorageScope()
    {
        var credential = new StorageAccountTests.FakeTokenCredential();
        var transport = new FakeTransport(204);
        var options = new TableClientOptions { Transport = transport };
        var table = new TableClient(new Uri("https://guangong.table.core.windows.net"), "orders", credential, options);

        await table.UpsertEntityAsync(new TableEntity("p", "r"));

        var (method, uri, headers) = Assert.Single(transport.Requests);
        Assert.Equal("MERGE", method);
        Assert.Equal("https://guangong.table.core.windows.net/orders(PartitionKey='p',RowKey='r')", uri.AbsoluteUri);
        Assert.Equal("Bearer fake-token", headers["Authorization"]);
        Assert.True(headers.ContainsKey("x-ms-date"));
        Assert.Equal("2019-02-02", headers["x-ms-version"]);
        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes.Distinct());
    }

    [Fact]
    public async Task TokenCredential_QueueAndBlob_UseVersion20251105()
    {
        var transport = new FakeTransport(201);
        var account = StorageAccount.FromTokenCredential("guangong", new StorageAccountTests.FakeTokenCredential());
        var queue = new QueueServiceClient(account, new QueueClientOptions { Transport = transport }).GetQueueClient("work");
        var container = new BlobServiceClient(account, new BlobClientOptions { Transport = transport }).GetBlobContainerClient("ledger");

        await queue.CreateAsync();
        await container.CreateAsync();

        Assert.All(transport.Requests, r => Assert.Equal("2025-11-05", r.Headers["x-ms-version"]));
        Assert.Equal("https://guangong.queue.core.windows.net/work", transport.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("https://guangong.blob.core.windows.net/ledger?restype=container", transport.Requests[1].Uri.AbsoluteUri);
    }

    /// <summary>
    /// Strips the signature from the first attempt and fails it as a dropped connection would, moving
    /// the clock a minute on: the retry only succeeds if the signing policy runs again.
    /// </summary>
    private sealed class FailFirstAttemptPolicy(FakeTimeProvider clock) : HttpPipelinePolicy
    {
        private int _armed = 1;

        public List<(string Date, string Authorization)> Attempts { get; } = [];

        public void Arm()
        {
            Attempts.Clear();
            Interlocked.Exchange(ref _armed, 1);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            message.Request.Headers.TryGetValue("x-ms-date", out var date);
            message.Request.Headers.TryGetValue("Authorization", out var authorization);
            Attempts.Add((date ?? string.Empty, authorization ?? string.Empty));
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                message.Request.Headers.Remove("Authorization");
                clock.Advance(TimeSpan.FromMinutes(1));
                throw new IOException("Simulated connection reset on the first attempt.");
            }

            await ProcessNextAsync(message, pipeline);
        }
    }
}
