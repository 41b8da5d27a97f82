namespace GuanGong.Domain.Links;

/// <summary>A key that signs approval links. The secret comes from configuration (Key Vault), never from code.</summary>
public sealed class LinkSigningKey
{
    /// <summary>The smallest secret accepted: 32 bytes, the HMAC-SHA256 block-size guidance.</summary>
    public const int MinimumSecretBytes = 32;

    private readonly byte[] _secret;

    /// <summary>Creates a key; throws <see cref="ArgumentException"/> for a bad id or a short secret (a configuration error).</summary>
    /// <param name="keyId">1 to 32 characters of letters, digits, '-' or '_', e.g. <c>2026-11</c>.</param>
    /// <param name="secret">At least <see cref="MinimumSecretBytes"/> random bytes.</param>
    public LinkSigningKey(string keyId, ReadOnlySpan<byte> secret)
    {
        if (string.IsNullOrEmpty(keyId) || keyId.Length > 32 || !keyId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException("A key id is 1 to 32 letters, digits, '-' or '_'.", nameof(keyId));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"A signing secret needs at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        KeyId = keyId;
        _secret = secret.ToArray();
    }

    /// <summary>The key id written into each token, so a rotated key can still verify the links it signed.</summary>
    public string KeyId { get; }

    internal ReadOnlySpan<byte> Secret => _secret;
}
