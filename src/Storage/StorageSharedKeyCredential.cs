using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GuanGong.Storage;

/// <summary>
/// An account name and key, used to sign requests (SharedKey for blobs and queues, SharedKeyLite
/// for tables) and to create service SAS tokens. Mirrors <c>Azure.Storage.StorageSharedKeyCredential</c>.
/// </summary>
public sealed class StorageSharedKeyCredential
{
    private byte[] _key;

    /// <summary>Creates a credential from an account name and its base64 account key.</summary>
    public StorageSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _key = DecodeKey(accountKey);
    }

    /// <summary>The storage account name.</summary>
    public string AccountName { get; }

    /// <summary>Replaces the account key (key rotation); requests signed afterwards use the new key.</summary>
    public void SetAccountKey(string accountKey) => Volatile.Write(ref _key, DecodeKey(accountKey));

    /// <summary>Base64 HMAC-SHA256 of <paramref name="message"/> (UTF-8) under the account key.</summary>
    internal string ComputeHmacSha256(string message) => ComputeHmacSha256(message.AsSpan());

    /// <summary>Base64 HMAC-SHA256 of the builder's text (UTF-8), without making a string of it.</summary>
    internal string ComputeHmacSha256(StringBuilder message)
    {
        if (message.Length > 1024)
        {
            return ComputeHmacSha256(message.ToString());
        }

        Span<char> chars = stackalloc char[message.Length];
        message.CopyTo(0, chars, message.Length);
        return ComputeHmacSha256(chars);
    }

    private string ComputeHmacSha256(ReadOnlySpan<char> message)
    {
        var key = Volatile.Read(ref _key);
        var max = Encoding.UTF8.GetMaxByteCount(message.Length);
        var rented = max <= 2048 ? null : ArrayPool<byte>.Shared.Rent(max);
        Span<byte> buffer = rented is null ? stackalloc byte[max] : rented;
        try
        {
            var length = Encoding.UTF8.GetBytes(message, buffer);
            Span<byte> hash = stackalloc byte[32];
            HMACSHA256.HashData(key, buffer[..length], hash);
            return Convert.ToBase64String(hash);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static byte[] DecodeKey(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The account key is not valid base64.", nameof(accountKey), ex);
        }
    }
}
