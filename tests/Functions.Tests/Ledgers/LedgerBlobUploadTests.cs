using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using GuanGong.Functions.Ledgers;
using GuanGong.Functions.Records;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Ledgers;

/// <summary>The ledger upload on the SDK's block blob client, against Azurite: requests, MD5, no overwrite.</summary>
public sealed class LedgerBlobUploadTests
{
    [Fact]
    public async Task UploadAsync_LargerThanOneBlock_StagesBlocksAndRecordsTheWholeMd5()
    {
        var (storage, container) = await OpenAsync();
        var bytes = Bytes((2 * LedgerBlobUpload.BlockBytes) + 12_345);
        storage.RequestCounter.Reset();

        await LedgerBlobUpload.UploadAsync(container.GetBlockBlobClient("big"), new ForwardOnlyStream(bytes), "application/pdf", CancellationToken.None);

        Assert.Equal(3, storage.RequestCounter.Get("Blob", "PutBlock"));
        Assert.Equal(1, storage.RequestCounter.Get("Blob", "PutBlockList"));
        Assert.Equal(4, storage.RequestCounter.Total);
        var properties = (await container.GetBlobClient("big").GetPropertiesAsync()).Value;
        Assert.Equal(MD5.HashData(bytes), properties.ContentHash);
        Assert.Equal("application/pdf", properties.ContentType);
        Assert.Equal(bytes, (await container.GetBlobClient("big").DownloadContentAsync()).Value.Content.ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(LedgerBlobUpload.BlockBytes)]
    public async Task UploadAsync_UpToOneBlock_IsOnePutBlobWithMd5(int length)
    {
        var (storage, container) = await OpenAsync();
        var bytes = Bytes(length);
        storage.RequestCounter.Reset();

        await LedgerBlobUpload.UploadAsync(container.GetBlockBlobClient("small"), new ForwardOnlyStream(bytes), "image/png", CancellationToken.None);

        Assert.Equal(1, storage.RequestCounter.Get("Blob", "PutBlob"));
        Assert.Equal(1, storage.RequestCounter.Total);
        var properties = (await container.GetBlobClient("small").GetPropertiesAsync()).Value;
        Assert.Equal(MD5.HashData(bytes), properties.ContentHash);
        Assert.Equal("image/png", properties.ContentType);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(LedgerBlobUpload.BlockBytes + 1)]
    public async Task UploadAsync_BlobExists_Throws409AndLeavesItAlone(int length)
    {
        var (_, container) = await OpenAsync();
        await container.GetBlobClient("taken").UploadAsync(BinaryData.FromString("first"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() =>
            LedgerBlobUpload.UploadAsync(container.GetBlockBlobClient("taken"), new ForwardOnlyStream(Bytes(length)), "application/pdf", CancellationToken.None));

        Assert.Equal(409, ex.Status);
        Assert.Equal("first", (await container.GetBlobClient("taken").DownloadContentAsync()).Value.Content.ToString());
    }

    internal static async Task<(AppStorage Storage, BlobContainerClient Container)> OpenAsync()
    {
        var azurite = await SharedAzurite.GetAsync();
        var storage = AppStorage.Create(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
        }).Build());
        var container = storage.Blobs.GetBlobContainerClient(SharedAzurite.UniqueName("upload"));
        await container.CreateIfNotExistsAsync();
        return (storage, container);
    }

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    /// <summary>A request body: forward only, no length, reads shorter than asked.</summary>
    private sealed class ForwardOnlyStream(byte[] content) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = Math.Min(Math.Min(count, 70_000), content.Length - _position);
            content.AsSpan(_position, read).CopyTo(buffer.AsSpan(offset));
            _position += read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = Math.Min(Math.Min(buffer.Length, 70_000), content.Length - _position);
            content.AsMemory(_position, read).CopyTo(buffer);
            _position += read;
            return ValueTask.FromResult(read);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
