using Azure.Core;

namespace GuanGong.Storage;

/// <summary>
/// Where a storage account lives and how to authenticate to it: the entry point of GuanGong.Storage.
/// </summary>
/// <remarks>
/// <para>
/// <b>Why this library exists.</b> The official Azure Storage SDK packages (<c>Azure.Data.Tables</c>,
/// <c>Azure.Storage.Queues</c>, <c>Azure.Storage.Blobs</c>) do not restore from this project's
/// package source, while <c>Azure.Core</c> and <c>Azure.Identity</c> do. So these clients speak
/// the Storage REST protocol over Azure.Core's <see cref="Azure.Core.Pipeline.HttpPipeline"/>,
/// which brings retries, diagnostics and bearer-token authentication with it.
/// </para>
/// <para>
/// <b>The surface mirrors the SDK.</b> <c>TableServiceClient</c>/<c>TableClient</c>,
/// <c>QueueServiceClient</c>/<c>QueueClient</c>, <c>BlobServiceClient</c>/<c>BlobContainerClient</c>/
/// <c>BlobClient</c>, their method names, parameter names and result shapes follow the SDK's, and
/// failures are <see cref="Azure.RequestFailedException"/> with <c>Status</c> and <c>ErrorCode</c>.
/// Namespaces map one to one (<c>GuanGong.Storage.Tables</c> → <c>Azure.Data.Tables</c>,
/// <c>GuanGong.Storage.Blobs.Models</c> → <c>Azure.Storage.Blobs.Models</c>, …), so swapping in the
/// SDK later means changing <c>using</c> directives, not callers.
/// </para>
/// <para>
/// <b>What it adds.</b> Client-side checks of the Azure limits the Azurite emulator does not enforce
/// (one partition and at most 100 operations or 4 MiB per transaction, 1 MiB entities, 255
/// properties, key characters, table names), so that what passes locally does not fail in Azure;
/// and <see cref="StorageRequestCounter"/>, a pipeline policy that counts requests per service and
/// operation for cost figures.
/// </para>
/// <para>
/// Connection strings: <c>UseDevelopmentStorage=true</c> (Azurite on its default loopback ports),
/// <c>DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…;EndpointSuffix=…</c>, optionally with
/// explicit <c>BlobEndpoint</c>/<c>QueueEndpoint</c>/<c>TableEndpoint</c>. In Azure, use the service
/// URIs with a <see cref="TokenCredential"/> (managed identity) instead of a key.
/// </para>
/// </remarks>
public sealed class StorageAccount
{
    /// <summary>The development account name Azurite serves.</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>The well-known development account key (public; it only opens the local emulator).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private StorageAccount(string accountName, Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, StorageSharedKeyCredential? sharedKey, TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        BlobEndpoint = blobEndpoint;
        QueueEndpoint = queueEndpoint;
        TableEndpoint = tableEndpoint;
        SharedKeyCredential = sharedKey;
        TokenCredential = tokenCredential;
    }

    /// <summary>The account name.</summary>
    public string AccountName { get; }

    /// <summary>The blob service endpoint (path-style on Azurite: <c>http://127.0.0.1:10000/devstoreaccount1</c>).</summary>
    public Uri BlobEndpoint { get; }

    /// <summary>The queue service endpoint.</summary>
    public Uri QueueEndpoint { get; }

    /// <summary>The table service endpoint.</summary>
    public Uri TableEndpoint { get; }

    /// <summary>The account key credential, when the account was given one.</summary>
    public StorageSharedKeyCredential? SharedKeyCredential { get; }

    /// <summary>The token credential (Entra ID, e.g. managed identity), when the account was given one.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>Azurite on its default ports with the development account.</summary>
    public static StorageAccount DevelopmentStorage { get; } = new(
        DevelopmentAccountName,
        new Uri("http://127.0.0.1:10000/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10001/" + DevelopmentAccountName),
        new Uri("http://127.0.0.1:10002/" + DevelopmentAccountName),
        new StorageSharedKeyCredential(DevelopmentAccountName, DevelopmentAccountKey),
        null);

    /// <summary>An account reached with a token credential at the default Azure endpoints (<c>https://{account}.blob.core.windows.net</c>, …).</summary>
    public static StorageAccount FromTokenCredential(string accountName, TokenCredential credential, string endpointSuffix = "core.windows.net")
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(
            accountName,
            DefaultEndpoint("https", accountName, "blob", endpointSuffix),
            DefaultEndpoint("https", accountName, "queue", endpointSuffix),
            DefaultEndpoint("https", accountName, "table", endpointSuffix),
            null,
            credential);
    }

    /// <summary>An account reached with a token credential at explicit service endpoints.</summary>
    public static StorageAccount FromTokenCredential(Uri blobEndpoint, Uri queueEndpoint, Uri tableEndpoint, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(blobEndpoint);
        ArgumentNullException.ThrowIfNull(queueEndpoint);
        ArgumentNullException.ThrowIfNull(tableEndpoint);
        ArgumentNullException.ThrowIfNull(credential);
        return new StorageAccount(StorageUriParts.AccountNameOf(blobEndpoint), blobEndpoint, queueEndpoint, tableEndpoint, null, credential);
    }

    /// <summary>Parses a storage connection string.</summary>
    /// <exception cref="FormatException">The string is not a supported storage connection string.</exception>
    public static StorageAccount Parse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new FormatException($"Connection string setting '{part}' is not of the form name=value.");
            }

            settings[part[..eq].Trim()] = part[(eq + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            return DevelopmentStorage;
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            throw new FormatException("The connection string has no AccountName.");
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || accountKey.Length == 0)
        {
            throw new FormatException("The connection string has no AccountKey (use a service URI with a TokenCredential for keyless access).");
        }

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
        var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
        StorageSharedKeyCredential credential;
        try
        {
            credential = new StorageSharedKeyCredential(accountName, accountKey);
        }
        catch (ArgumentException ex)
        {
            throw new FormatException("The connection string's AccountKey is not valid base64.", ex);
        }

        return new StorageAccount(
            accountName,
            Endpoint(settings, "BlobEndpoint", protocol, accountName, "blob", suffix),
            Endpoint(settings, "QueueEndpoint", protocol, accountName, "queue", suffix),
            Endpoint(settings, "TableEndpoint", protocol, accountName, "table", suffix),
            credential,
            null);
    }

    /// <summary>Parses a storage connection string, returning false instead of throwing.</summary>
    public static bool TryParse(string? connectionString, out StorageAccount? account)
    {
        account = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            account = Parse(connectionString);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static Uri Endpoint(Dictionary<string, string> settings, string key, string protocol, string account, string service, string suffix)
    {
        if (settings.TryGetValue(key, out var explicitEndpoint) && explicitEndpoint.Length > 0)
        {
            if (!Uri.TryCreate(explicitEndpoint.TrimEnd('/'), UriKind.Absolute, out var uri))
            {
                throw new FormatException($"{key} '{explicitEndpoint}' is not an absolute URI.");
            }

            return uri;
        }

        return DefaultEndpoint(protocol, account, service, suffix);
    }

    private static Uri DefaultEndpoint(string protocol, string account, string service, string suffix) =>
        new($"{protocol}://{account}.{service}.{suffix}");
}
