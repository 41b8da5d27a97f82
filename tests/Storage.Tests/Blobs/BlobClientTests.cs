using System.Security.Cryptography;
using System.Text;
using Azure;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Tests.Blobs;

public sealed class BlobClientTests
{
    [Fact]
    public async Task UploadAsync_Small_IsOnePutBlobWithMd5AndContentType()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("dir/sub dir/file ü.json");
        var bytes = Encoding.UTF8.GetBytes("{\"a\":1}");

        var uploaded = await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Metadata = new Dictionary<string, string> { ["kind"] = "test" } });
        var properties = (await blob.GetPropertiesAsync()).Value;
        var content = (await blob.DownloadContentAsync()).Value;

        Assert.Equal(1, counter.Get("Blob", "PutBlob"));
        Assert.Equal(MD5.HashData(bytes), uploaded.Value.ContentHash);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal(bytes.Length, properties.ContentLength);
        Assert.Equal(MD5.HashData(bytes), properties.ContentHash);
        Assert.Equal("test", properties.Metadata["kind"]);
        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal(bytes, content.Content.ToArray());
    }

    [Fact]
    public async Task UploadAsync_ExistingWithoutOverwrite_Throws409BlobAlreadyExists()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("b");
        await blob.UploadAsync(new BinaryData("one"));

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new MemoryStream("two"u8.ToArray())));
        await blob.UploadAsync(new BinaryData("three"), overwrite: true);

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("three", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_StaleIfMatch_Throws412ConditionNotMet()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("b");
        var first = await blob.UploadAsync(new BinaryData("one"));
        await blob.UploadAsync(new BinaryData("two"), overwrite: true);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new BinaryData("three"), new BlobUploadOptions { Conditions = new BlobRequestConditions { IfMatch = first.Value.ETag } }));

        Assert.Equal(412, ex.Status);
        Assert.Equal("ConditionNotMet", ex.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_WrongContentHash_Throws400Md5Mismatch()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("b");

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new BinaryData("data"), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentHash = MD5.HashData("other"u8) } }));

        Assert.Equal(400, ex.Status);
        Assert.Equal("Md5Mismatch", ex.ErrorCode);
        Assert.False((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task UploadAsync_AboveThreshold_StagesBlocksAndRecordsWholeMd5()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("staged");
        const int length = (1024 * 1024) + 123;
        var options = new BlobUploadOptions { TransferOptions = new StorageTransferOptions { InitialTransferSize = 256 * 1024, MaximumTransferSize = 256 * 1024, MaximumConcurrency = 3 }, HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } };

        var uploaded = await blob.UploadAsync(new GeneratedStream(length), options);
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal(5, counter.Get("Blob", "PutBlock"));
        Assert.Equal(1, counter.Get("Blob", "PutBlockList"));
        Assert.Equal(0, counter.Get("Blob", "PutBlob"));
        Assert.Equal(length, properties.ContentLength);
        Assert.Equal(GeneratedStream.Md5Of(length), properties.ContentHash);
        Assert.Equal(GeneratedStream.Md5Of(length), uploaded.Value.ContentHash);
        using var download = (await blob.DownloadStreamingAsync()).Value;
        Assert.Equal(GeneratedStream.Md5Of(length), await MD5.HashDataAsync(download.Content));
    }

    [Fact]
    public async Task UploadAsync_StagedWithoutOverwrite_Refuses409AtCommit()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("staged");
        await blob.UploadAsync(new BinaryData("existing"));
        var options = new BlobUploadOptions { TransferOptions = new StorageTransferOptions { InitialTransferSize = 1024, MaximumTransferSize = 1024 }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } };

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(new GeneratedStream(5000), options));

        Assert.Equal(409, ex.Status);
        Assert.Equal("BlobAlreadyExists", ex.ErrorCode);
        Assert.Equal("existing", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task DownloadStreamingAsync_Range_Returns206WithThoseBytes()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("r");
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        await blob.UploadAsync(new BinaryData(bytes));

        var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Range = new HttpRange(100, 50) });
        using var result = response.Value;
        var buffer = new MemoryStream();
        await result.Content.CopyToAsync(buffer);
        var tail = await blob.DownloadContentAsync(new BlobDownloadOptions { Range = new HttpRange(990) });

        Assert.Equal(206, response.GetRawResponse().Status);
        Assert.Equal(bytes[100..150], buffer.ToArray());
        Assert.Equal(50, result.Details.ContentLength);
        Assert.Equal("bytes 100-149/1000", result.Details.ContentRange);
        Assert.Equal(bytes[990..], tail.Value.Content.ToArray());
    }

    [Fact]
    public async Task DownloadStreamingAsync_Missing_Throws404BlobNotFound()
    {
        var (container, _) = await TestStorage.NewContainerAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing").DownloadStreamingAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("BlobNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetPropertiesAsync_Missing_Throws404WithErrorCodeFromHeader()
    {
        var (container, _) = await TestStorage.NewContainerAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("missing").GetPropertiesAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("BlobNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task DeleteIfExistsAsync_ExistingThenMissing_ReportsBoth()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("d");
        await blob.UploadAsync(new BinaryData("x"));

        var first = await blob.DeleteIfExistsAsync();
        var second = await blob.DeleteIfExistsAsync();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync());

        Assert.True(first.Value);
        Assert.Equal(202, first.GetRawResponse().Status);
        Assert.False(second.Value);
        Assert.Equal(404, ex.Status);
        Assert.False((await blob.ExistsAsync()).Value);
        Assert.Equal(3, counter.Get("Blob", "DeleteBlob"));
    }

    [Fact]
    public async Task UploadAsync_ContainerMissing_Throws404ContainerNotFound()
    {
        var (container, _) = await TestStorage.NewContainerAsync(create: false);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("b").UploadAsync(new BinaryData("x")));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ContainerNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task UploadAsync_StagedIntoMissingContainer_Throws404AndCommitsNothing()
    {
        var (container, counter) = await TestStorage.NewContainerAsync(create: false);
        var options = new BlobUploadOptions { TransferOptions = new StorageTransferOptions { InitialTransferSize = 1024, MaximumTransferSize = 1024, MaximumConcurrency = 2 } };

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("b").UploadAsync(new GeneratedStream(10_000), options));

        Assert.Equal(404, ex.Status);
        Assert.Equal("ContainerNotFound", ex.ErrorCode);
        Assert.Equal(0, counter.Get("Blob", "PutBlockList"));
    }

    [Fact]
    public async Task UploadAsync_StagedWithWrongContentHash_Throws400BeforeCommit()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        var options = new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions { InitialTransferSize = 1024, MaximumTransferSize = 1024 },
            HttpHeaders = new BlobHttpHeaders { ContentHash = MD5.HashData("not it"u8) },
        };

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.GetBlobClient("b").UploadAsync(new GeneratedStream(5000), options));

        Assert.Equal("Md5Mismatch", ex.ErrorCode);
        Assert.Equal(0, counter.Get("Blob", "PutBlockList"));
        Assert.False((await container.GetBlobClient("b").ExistsAsync()).Value);
    }
}
