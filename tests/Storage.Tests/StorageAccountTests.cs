using Azure.Core;

namespace GuanGong.Storage.Tests;

public sealed class StorageAccountTests
{
    [Fact]
    public void Parse_UseDevelopmentStorage_IsAzuriteDefaults()
    {
        var account = StorageAccount.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableEndpoint);
        Assert.NotNull(account.SharedKeyCredential);
    }

    [Fact]
    public void Parse_AccountKey_BuildsHostStyleEndpoints()
    {
        var account = StorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=guangong;AccountKey=AAAA;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal(new Uri("https://guangong.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
        Assert.Equal(new Uri("https://guangong.queue.core.chinacloudapi.cn"), account.QueueEndpoint);
        Assert.Equal(new Uri("https://guangong.table.core.chinacloudapi.cn"), account.TableEndpoint);
        Assert.Equal("guangong", account.SharedKeyCredential!.AccountName);
    }

    [Fact]
    public void Parse_ExplicitEndpoints_OverrideDefaults()
    {
        var account = StorageAccount.Parse("AccountName=devstoreaccount1;AccountKey=AAAA;BlobEndpoint=http://127.0.0.1:5000/devstoreaccount1/;QueueEndpoint=http://127.0.0.1:5001/devstoreaccount1;TableEndpoint=http://127.0.0.1:5002/devstoreaccount1");

        Assert.Equal(new Uri("http://127.0.0.1:5000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5001/devstoreaccount1"), account.QueueEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:5002/devstoreaccount1"), account.TableEndpoint);
    }

    [Theory]
    [InlineData("AccountName=x")]
    [InlineData("AccountKey=AAAA")]
    [InlineData("AccountName=x;AccountKey=not base64!")]
    [InlineData("garbage")]
    public void Parse_Invalid_ThrowsFormatException(string connectionString)
    {
        Assert.Throws<FormatException>(() => StorageAccount.Parse(connectionString));
        Assert.False(StorageAccount.TryParse(connectionString, out _));
    }

    [Fact]
    public void FromTokenCredential_AccountName_UsesHttpsEndpointsAndNoKey()
    {
        var account = StorageAccount.FromTokenCredential("guangong", new FakeTokenCredential());

        Assert.Equal(new Uri("https://guangong.table.core.windows.net"), account.TableEndpoint);
        Assert.Null(account.SharedKeyCredential);
        Assert.NotNull(account.TokenCredential);
    }

    internal sealed class FakeTokenCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            lock (Scopes)
            {
                Scopes.AddRange(requestContext.Scopes);
            }

            return new AccessToken("fake-token", new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
