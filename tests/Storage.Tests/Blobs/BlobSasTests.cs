using Azure;
using GuanGong.Storage.Blobs;
using GuanGong.Storage.Sas;

namespace GuanGong.Storage.Tests.Blobs;

public sealed class BlobSasTests
{
    // SAS expiry is judged by the emulator's real clock, so these tests use the real one too.
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task GenerateSasUri_Read_AllowsReadAndRefusesWrite()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("doc/a b.txt");
        await blob.UploadAsync(new BinaryData("secret"));

        var sasUri = blob.GenerateSasUri(BlobSasPermissions.Read, Now.AddMinutes(5));
        var viaSas = new BlobClient(sasUri);
        var read = await viaSas.DownloadContentAsync();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => viaSas.UploadAsync(new BinaryData("tampered"), overwrite: true));

        Assert.Equal("secret", read.Value.Content.ToString());
        Assert.Equal(403, ex.Status);
        Assert.False(viaSas.CanGenerateSasUri);
        Assert.Contains("sp=r&", sasUri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateSasUri_Expired_IsRefused()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("a");
        await blob.UploadAsync(new BinaryData("x"));

        var expired = new BlobClient(blob.GenerateSasUri(BlobSasPermissions.Read, Now.AddMinutes(-1)));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => expired.DownloadContentAsync());

        Assert.Equal(403, ex.Status);
        Assert.NotNull(ex.ErrorCode); // Azurite: AuthorizationFailure; Azure: AuthenticationFailed.
    }

    [Fact]
    public async Task GenerateSasUri_CreateWrite_AllowsUploadButNotRead()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var blob = container.GetBlobClient("upload.bin");

        var viaSas = new BlobClient(blob.GenerateSasUri(BlobSasPermissions.Create | BlobSasPermissions.Write, Now.AddMinutes(5)));
        await viaSas.UploadAsync(new BinaryData("from the browser"));
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => viaSas.DownloadContentAsync());

        Assert.Equal("from the browser", (await blob.DownloadContentAsync()).Value.Content.ToString());
        Assert.Equal(403, ex.Status);
    }

    [Fact]
    public async Task GenerateSasUri_Container_ReadAndListWork()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        await container.GetBlobClient("one").UploadAsync(new BinaryData("1"));

        var viaSas = new BlobContainerClient(container.GenerateSasUri(BlobContainerSasPermissions.Read | BlobContainerSasPermissions.List, Now.AddMinutes(5)));
        var names = await viaSas.GetBlobsAsync().Select(b => b.Name).ToListAsync();
        var content = await viaSas.GetBlobClient("one").DownloadContentAsync();
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => viaSas.GetBlobClient("two").UploadAsync(new BinaryData("2")));

        Assert.Equal(["one"], names);
        Assert.Equal("1", content.Value.Content.ToString());
        Assert.Equal(403, ex.Status);
    }

    [Fact]
    public async Task GenerateSasUri_WithoutAccountKey_Throws()
    {
        var (container, _) = await TestStorage.NewContainerAsync();
        var anonymous = new BlobClient(container.GetBlobClient("x").Uri);

        Assert.Throws<InvalidOperationException>(() => anonymous.GenerateSasUri(BlobSasPermissions.Read, Now.AddMinutes(5)));
    }
}
