namespace GuanGong.LocalStack;

/// <summary>The three path-style service endpoints of a running Azurite (account <c>devstoreaccount1</c>).</summary>
public sealed record AzuriteEndpoints(Uri Blob, Uri Queue, Uri Table)
{
    /// <summary>The well-known development account name.</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The well-known development account key (public; it only opens the local emulator).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>An account-key connection string with explicit endpoints, as the storage clients accept it.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Blob};QueueEndpoint={Queue};TableEndpoint={Table};";

    /// <summary>Endpoints for the given host and ports.</summary>
    public static AzuriteEndpoints For(string host, int blobPort, int queuePort, int tablePort) => new(
        new Uri($"http://{host}:{blobPort}/{AccountName}"),
        new Uri($"http://{host}:{queuePort}/{AccountName}"),
        new Uri($"http://{host}:{tablePort}/{AccountName}"));
}
