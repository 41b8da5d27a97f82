using System.Net.Sockets;
using Azure;
using GuanGong.Functions.Http;

namespace GuanGong.Functions.Tests.Reliability;

/// <summary>Which SDK failures mean "storage is unreachable" (503 with Retry-After) and which are bugs or refusals.</summary>
public sealed class StorageUnavailableTests
{
    [Fact]
    public void IsStorageUnavailable_RetriesSpentOnRefusedConnections_IsTrue()
    {
        // What the SDK throws once its retries are spent against a stopped Azurite.
        var attempt = new RequestFailedException(0, "connection refused", new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused)));
        var spent = new AggregateException("Retry failed after 4 tries.", attempt, attempt, attempt, attempt);

        Assert.True(ExceptionMapping.IsStorageUnavailable(spent));
        Assert.Equal(503, ExceptionMapping.Classify(spent).Status);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    public void IsStorageUnavailable_ServerBusy_IsTrue(int status) =>
        Assert.True(ExceptionMapping.IsStorageUnavailable(new RequestFailedException(status, "busy")));

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(412)]
    public void IsStorageUnavailable_ServiceRefusedTheRequest_IsFalse(int status)
    {
        Assert.False(ExceptionMapping.IsStorageUnavailable(new RequestFailedException(status, "refused")));
        Assert.False(ExceptionMapping.IsStorageUnavailable(new AggregateException(new RequestFailedException(503, "busy"), new RequestFailedException(status, "refused"))));
    }
}
