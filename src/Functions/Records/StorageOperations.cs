using Azure.Core;

namespace GuanGong.Functions.Records;

/// <summary>
/// Names the Storage REST operation of a request from its method, path and query, the names the
/// REST reference uses (<c>InsertEntity</c>, <c>PutMessage</c>, <c>PutBlockList</c>, …). Reading
/// the wire rather than the calling method keeps the counts comparable across client libraries
/// (the SDKs, and the old engine's own clients while it lasts).
/// </summary>
internal static class StorageOperations
{
    public static string Classify(string service, RequestMethod method, Uri uri, bool hasIfMatch)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = ParseQuery(uri.Query);
        var last = segments.Length > 0 ? Uri.UnescapeDataString(segments[^1]) : string.Empty;
        return service switch
        {
            "Table" => Table(method, last, hasIfMatch),
            "Queue" => Queue(method, segments, query),
            "Blob" => Blob(method, query),
            _ => method.Method,
        };
    }

    private static string Table(RequestMethod method, string last, bool hasIfMatch)
    {
        if (last == "$batch")
        {
            return "SubmitTransaction";
        }

        if (last == "Tables" || last.StartsWith("Tables(", StringComparison.Ordinal))
        {
            return method == RequestMethod.Post ? "CreateTable" : method == RequestMethod.Delete ? "DeleteTable" : "QueryTables";
        }

        if (last.Contains("PartitionKey=", StringComparison.Ordinal))
        {
            return method == RequestMethod.Get ? "GetEntity"
                : method == RequestMethod.Delete ? "DeleteEntity"
                : hasIfMatch ? "UpdateEntity" : "UpsertEntity";
        }

        return method == RequestMethod.Post ? "InsertEntity" : method == RequestMethod.Get ? "QueryEntities" : method.Method;
    }

    private static string Queue(RequestMethod method, string[] segments, Dictionary<string, string> query)
    {
        if (query.TryGetValue("comp", out var comp))
        {
            return comp switch
            {
                "metadata" => method == RequestMethod.Put ? "SetQueueMetadata" : "GetQueueMetadata",
                "list" => "ListQueues",
                _ => method.Method,
            };
        }

        if (segments.Length > 0 && segments[^1] == "messages")
        {
            return method == RequestMethod.Post ? "PutMessage"
                : method == RequestMethod.Delete ? "ClearMessages"
                : query.TryGetValue("peekonly", out var peek) && peek == "true" ? "PeekMessages" : "GetMessages";
        }

        if (segments.Length > 1 && segments[^2] == "messages")
        {
            return method == RequestMethod.Delete ? "DeleteMessage" : "UpdateMessage";
        }

        return method == RequestMethod.Put ? "CreateQueue" : method == RequestMethod.Delete ? "DeleteQueue" : "GetQueueMetadata";
    }

    private static string Blob(RequestMethod method, Dictionary<string, string> query)
    {
        query.TryGetValue("comp", out var comp);
        query.TryGetValue("restype", out var restype);
        if (restype == "service")
        {
            return comp == "userdelegationkey" ? "GetUserDelegationKey" : "BlobService" + method.Method;
        }

        if (restype == "container")
        {
            return comp == "list" ? "ListBlobs"
                : method == RequestMethod.Put ? "CreateContainer"
                : method == RequestMethod.Delete ? "DeleteContainer"
                : "GetContainerProperties";
        }

        return comp switch
        {
            "list" => "ListContainers",
            "block" => "PutBlock",
            "blocklist" => method == RequestMethod.Put ? "PutBlockList" : "GetBlockList",
            "properties" => "SetBlobProperties",
            "metadata" => method == RequestMethod.Put ? "SetBlobMetadata" : "GetBlobMetadata",
            null => method == RequestMethod.Put ? "PutBlob"
                : method == RequestMethod.Get ? "GetBlob"
                : method == RequestMethod.Head ? "GetBlobProperties"
                : method == RequestMethod.Delete ? "DeleteBlob"
                : method.Method,
            _ => method.Method + "-" + comp,
        };
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            result[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
        }

        return result;
    }
}
