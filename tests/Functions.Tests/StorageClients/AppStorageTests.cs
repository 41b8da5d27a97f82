using GuanGong.Functions.Records;

namespace GuanGong.Functions.Tests.StorageClients;

/// <summary>How <c>AzureWebJobsStorage</c> becomes SDK clients: a connection string locally, service URIs and a managed identity in Azure.</summary>
public sealed class AppStorageTests
{
    [Fact]
    public void Create_IdentityBasedSettings_UsesTheServiceUrisAndAManagedIdentity()
    {
        var storage = AppStorage.Create(Settings(new()
        {
            ["AzureWebJobsStorage:blobServiceUri"] = "https://acct.blob.core.windows.net",
            ["AzureWebJobsStorage:queueServiceUri"] = "https://acct.queue.core.windows.net",
            ["AzureWebJobsStorage:tableServiceUri"] = "https://acct.table.core.windows.net",
            ["AzureWebJobsStorage:credential"] = "managedidentity",
            ["AzureWebJobsStorage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }));

        Assert.Null(storage.ConnectionString);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(storage.Credential);
        Assert.Equal("acct.blob.core.windows.net", storage.Blobs.Uri.Host);
        Assert.Equal("acct.queue.core.windows.net", storage.Queues.Uri.Host);
        Assert.Equal("acct.table.core.windows.net", storage.Tables.Uri.Host);
        Assert.Equal("acct", storage.Blobs.AccountName);
    }

    [Fact]
    public void Create_DevelopmentStorage_UsesAzuritesDefaultPortsAndTheDevelopmentKey()
    {
        var storage = AppStorage.Create(Settings(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Null(storage.Credential);
        Assert.Equal(10000, storage.Blobs.Uri.Port);
        Assert.Equal(10001, storage.Queues.Uri.Port);
        Assert.Equal(10002, storage.Tables.Uri.Port);
        Assert.Equal("devstoreaccount1", storage.Blobs.AccountName);
        Assert.True(storage.Blobs.CanGenerateAccountSasUri);
    }

    [Fact]
    public void Create_NothingConfigured_ThrowsNamingTheSettings()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => AppStorage.Create(Settings(new())));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", ex.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
