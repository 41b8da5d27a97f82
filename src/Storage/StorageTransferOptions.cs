namespace GuanGong.Storage;

/// <summary>
/// How large transfers are split. Mirrors <c>Azure.Storage.StorageTransferOptions</c>. Memory held by
/// an upload is one buffer of <see cref="InitialTransferSize"/> plus one block at first, then
/// <see cref="MaximumTransferSize"/> × max(2, <see cref="MaximumConcurrency"/>).
/// </summary>
public struct StorageTransferOptions : IEquatable<StorageTransferOptions>
{
    /// <summary>Content up to this size goes in one request; larger content is staged in blocks.</summary>
    public long? InitialTransferSize { get; set; }

    /// <summary>The block size for staged uploads.</summary>
    public long? MaximumTransferSize { get; set; }

    /// <summary>How many blocks are uploaded at once.</summary>
    public int? MaximumConcurrency { get; set; }

    /// <inheritdoc />
    public readonly bool Equals(StorageTransferOptions other) =>
        InitialTransferSize == other.InitialTransferSize && MaximumTransferSize == other.MaximumTransferSize && MaximumConcurrency == other.MaximumConcurrency;

    /// <inheritdoc />
    public override readonly bool Equals(object? obj) => obj is StorageTransferOptions other && Equals(other);

    /// <inheritdoc />
    public override readonly int GetHashCode() => HashCode.Combine(InitialTransferSize, MaximumTransferSize, MaximumConcurrency);

    /// <summary>Equality.</summary>
    public static bool operator ==(StorageTransferOptions left, StorageTransferOptions right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(StorageTransferOptions left, StorageTransferOptions right) => !left.Equals(right);
}
