namespace GuanGong.Storage.Blobs.Models;

/// <summary>A blob as a listing shows it. Mirrors <c>Azure.Storage.Blobs.Models.BlobItem</c>.</summary>
public sealed class BlobItem(string name, BlobItemProperties properties, IDictionary<string, string> metadata)
{
    /// <summary>The blob name.</summary>
    public string Name { get; } = name;

    /// <summary>The blob's properties.</summary>
    public BlobItemProperties Properties { get; } = properties;

    /// <summary>User metadata (filled when listed with <see cref="BlobTraits.Metadata"/>).</summary>
    public IDictionary<string, string> Metadata { get; } = metadata;
}
