using Azure;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Blobs.Models;

namespace GuanGong.Storage.Tests.Blobs;

public sealed class BlobContainerClientTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_SecondReturnsNull()
    {
        var (container, _) = await TestStorage.NewContainerAsync(create: false);

        var first = await container.CreateIfNotExistsAsync();
        var second = await container.CreateIfNotExistsAsync();

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.True((await container.ExistsAsync()).Value);
    }

    [Fact]
    public async Task CreateAsync_Exists_Throws409ContainerAlreadyExists()
    {
        var (container, _) = await TestStorage.NewContainerAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.CreateAsync());

        Assert.Equal(409, ex.Status);
        Assert.Equal("ContainerAlreadyExists", ex.ErrorCode);
    }

    [Fact]
    public async Task GetBlobsAsync_Prefix_PagesThroughMatchesInOrder()
    {
        var (container, counter) = await TestStorage.NewContainerAsync();
        for (var i = 0; i < 12; i++)
        {
            await container.GetBlobClient($"a/{i:D2}").UploadAsync(new BinaryData($"v{i}"), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["i"] = i.ToString() } });
        }

        await container.GetBlobClient("b/other").UploadAsync(new BinaryData("x"));
        counter.Reset();

        var pages = new List<IReadOnlyList<BlobItem>>();
        await foreach (var page in container.GetBlobsAsync(traits: BlobTraits.Metadata, prefix: "a/").AsPages(pageSizeHint: 5))
        {
            pages.Add(page.Values);
        }

        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal([5, 5, 2], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"a/{i:D2}"), all.Select(b => b.Name));
        Assert.Equal(2, all[0].Properties.ContentLength);
        Assert.NotNull(all[0].Properties.ETag);
        Assert.NotNull(all[0].Properties.ContentHash);
        Assert.Equal("11", all[11].Metadata["i"]);
        Assert.Equal(3, counter.Get("Blob", "ListBlobs"));
        Assert.Equal(13, await container.GetBlobsAsync().CountAsync());
    }

    [Fact]
    public async Task DeleteIfExistsAsync_Container_ReportsAndThenIsGone()
    {
        var (container, _) = await TestStorage.NewContainerAsync();

        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => container.DeleteAsync());

        Assert.Equal(404, ex.Status);
        Assert.Equal("ContainerNotFound", ex.ErrorCode);
    }

    [Fact]
    public async Task GetBlobContainerClient_InvalidName_Throws()
    {
        var service = new BlobServiceClient(await TestStorage.AccountAsync());

        Assert.Throws<ArgumentException>(() => service.GetBlobContainerClient("Has_Upper"));
        Assert.Throws<ArgumentException>(() => service.GetBlobContainerClient("a--b"));
    }
}
