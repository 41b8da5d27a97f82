using Azure.Core;
using GuanGong.Functions.Records;

namespace GuanGong.Functions.Tests.StorageClients;

/// <summary>Requests named from the wire, the same for Azurite's path-style and Azure's host-style addresses.</summary>
public sealed class StorageOperationsTests
{
    [Theory]
    [InlineData("POST", "http://127.0.0.1:10002/devstoreaccount1/ggCases", false, "InsertEntity")]
    [InlineData("POST", "https://acct.table.core.windows.net/ggCases", false, "InsertEntity")]
    [InlineData("GET", "https://acct.table.core.windows.net/ggCases(PartitionKey='a',RowKey='b')", false, "GetEntity")]
    [InlineData("GET", "http://127.0.0.1:10002/devstoreaccount1/ggCases(PartitionKey='a%2Fb',RowKey='c')", false, "GetEntity")]
    [InlineData("PUT", "https://acct.table.core.windows.net/ggCases(PartitionKey='a',RowKey='b')", true, "UpdateEntity")]
    [InlineData("PUT", "https://acct.table.core.windows.net/ggCases(PartitionKey='a',RowKey='b')", false, "UpsertEntity")]
    [InlineData("DELETE", "https://acct.table.core.windows.net/ggCases(PartitionKey='a',RowKey='b')", true, "DeleteEntity")]
    [InlineData("GET", "https://acct.table.core.windows.net/ggCases()?$filter=PartitionKey%20eq%20'a'", false, "QueryEntities")]
    [InlineData("POST", "http://127.0.0.1:10002/devstoreaccount1/$batch", false, "SubmitTransaction")]
    [InlineData("POST", "https://acct.table.core.windows.net/Tables", false, "CreateTable")]
    public void Classify_TableRequest_NamesTheOperation(string method, string uri, bool ifMatch, string expected) =>
        Assert.Equal(expected, StorageOperations.Classify("Table", RequestMethod.Parse(method), new Uri(uri), ifMatch));

    [Theory]
    [InlineData("POST", "http://127.0.0.1:10001/devstoreaccount1/hub-control-00/messages", "PutMessage")]
    [InlineData("GET", "https://acct.queue.core.windows.net/hub-workitems/messages?numofmessages=32", "GetMessages")]
    [InlineData("GET", "https://acct.queue.core.windows.net/hub-workitems/messages?peekonly=true", "PeekMessages")]
    [InlineData("DELETE", "https://acct.queue.core.windows.net/hub-workitems/messages/abc?popreceipt=x", "DeleteMessage")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/hub-workitems/messages/abc?popreceipt=x&visibilitytimeout=5", "UpdateMessage")]
    [InlineData("PUT", "https://acct.queue.core.windows.net/hub-workitems", "CreateQueue")]
    [InlineData("GET", "https://acct.queue.core.windows.net/probe?comp=metadata", "GetQueueMetadata")]
    public void Classify_QueueRequest_NamesTheOperation(string method, string uri, string expected) =>
        Assert.Equal(expected, StorageOperations.Classify("Queue", RequestMethod.Parse(method), new Uri(uri), hasIfMatch: false));

    [Theory]
    [InlineData("PUT", "http://127.0.0.1:10000/devstoreaccount1/ledgers/c/i/l", "PutBlob")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/ledgers/c/i/l?comp=block&blockid=MDAwMDAw", "PutBlock")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/ledgers/c/i/l?comp=blocklist", "PutBlockList")]
    [InlineData("GET", "https://acct.blob.core.windows.net/ledgers/c/i/l", "GetBlob")]
    [InlineData("HEAD", "https://acct.blob.core.windows.net/ledgers/c/i/l", "GetBlobProperties")]
    [InlineData("DELETE", "https://acct.blob.core.windows.net/ledgers/c/i/l", "DeleteBlob")]
    [InlineData("PUT", "https://acct.blob.core.windows.net/ledgers?restype=container", "CreateContainer")]
    [InlineData("GET", "https://acct.blob.core.windows.net/ledgers?restype=container&comp=list&prefix=c", "ListBlobs")]
    [InlineData("POST", "https://acct.blob.core.windows.net/?restype=service&comp=userdelegationkey", "GetUserDelegationKey")]
    public void Classify_BlobRequest_NamesTheOperation(string method, string uri, string expected) =>
        Assert.Equal(expected, StorageOperations.Classify("Blob", RequestMethod.Parse(method), new Uri(uri), hasIfMatch: false));
}
