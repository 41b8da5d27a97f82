using System.IO.Compression;
using System.Text;
using GuanGong.Storage.Blobs;

namespace GuanGong.Durable.AzureStorage;

/// <summary>Keeps values too large for a queue message or a table property in gzipped blobs.</summary>
internal sealed class LargePayloadStore(BlobContainerClient container)
{
    public async Task<string> PutAsync(string prefix, string value, CancellationToken cancellationToken)
    {
        var name = $"{prefix}/{Guid.NewGuid():N}.json.gz";
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(value), cancellationToken).ConfigureAwait(false);
        }

        buffer.Position = 0;
        await container.GetBlobClient(name).UploadAsync(buffer, overwrite: true, cancellationToken).ConfigureAwait(false);
        return name;
    }

    /// <summary>Deletes every payload kept for an instance (values, history rows, messages).</summary>
    public async Task DeleteAllAsync(string instanceId, CancellationToken cancellationToken)
    {
        foreach (var prefix in new[] { "values/", "messages/" })
        {
            await foreach (var blob in container.GetBlobsAsync(prefix: $"{prefix}{instanceId}/", cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                await container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<string> GetAsync(string name, CancellationToken cancellationToken)
    {
        var download = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
        await using var gzip = new GZipStream(download.Value.Content.ToStream(), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
    }
}
