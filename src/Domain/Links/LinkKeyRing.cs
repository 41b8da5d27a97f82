namespace GuanGong.Domain.Links;

/// <summary>
/// The signing keys: new links are signed with <see cref="Current"/>; links signed with a previous key still verify
/// until that key is removed (rotate by making a new key current and keeping the old one here until its links expire).
/// </summary>
public sealed class LinkKeyRing
{
    private readonly Dictionary<string, LinkSigningKey> _byId;

    /// <summary>Creates a key ring; key ids must be unique.</summary>
    /// <param name="current">The key new links are signed with.</param>
    /// <param name="previous">Older keys still accepted for verification.</param>
    public LinkKeyRing(LinkSigningKey current, params IEnumerable<LinkSigningKey> previous)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(previous);
        Current = current;
        _byId = new Dictionary<string, LinkSigningKey>(StringComparer.Ordinal) { [current.KeyId] = current };
        foreach (var key in previous)
        {
            if (!_byId.TryAdd(key.KeyId, key))
            {
                throw new ArgumentException($"The key id '{key.KeyId}' appears twice.", nameof(previous));
            }
        }
    }

    /// <summary>The key new links are signed with.</summary>
    public LinkSigningKey Current { get; }

    /// <summary>The key with this id, or null.</summary>
    /// <param name="keyId">The key id from a token.</param>
    public LinkSigningKey? Find(string keyId) => _byId.GetValueOrDefault(keyId);
}
