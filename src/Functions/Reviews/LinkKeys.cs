using System.Security.Cryptography;
using GuanGong.Domain.Links;
using GuanGong.LocalStack;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// The key ring emailed links are signed with: <c>GuanGong:Links:SigningKeys:Current</c> and
/// <c>…:Previous</c>, each <c>keyId:base64secret</c> (Key Vault references in Azure). Rotation puts a
/// new key in Current and the old one in Previous, so links already in inboxes keep verifying until
/// they expire. The local profile, when no key is configured, keeps a generated one in
/// <c>.local/link-signing-key</c> so links survive a restart; any other profile refuses to start.
/// </summary>
public static class LinkKeys
{
    public const string Section = "GuanGong:Links:SigningKeys";

    public static LinkKeyRing Load(IConfiguration configuration, bool localProfile, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var current = configuration[$"{Section}:Current"];
        if (string.IsNullOrWhiteSpace(current))
        {
            if (!localProfile)
            {
                throw new InvalidOperationException($"{Section}:Current is not set: emailed links cannot be signed.");
            }

            current = LocalKey(contentRoot);
        }

        var previous = configuration[$"{Section}:Previous"];
        var currentKey = Parse(current, "Current");
        var others = string.IsNullOrWhiteSpace(previous) ? [] : new[] { Parse(previous, "Previous") }.Where(k => k.KeyId != currentKey.KeyId).ToArray();
        return new LinkKeyRing(currentKey, others);
    }

    /// <summary>Formats a fresh key for the settings: <c>keyId:base64secret</c>.</summary>
    public static string NewKey(string keyId) => $"{keyId}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>Refuses a key that is not <c>keyId:base64secret</c> or whose secret is shorter than 256 bits (a start-up check).</summary>
    public static void Check(string value, string which) => Parse(value, which);

    private static LinkSigningKey Parse(string value, string which)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new InvalidOperationException($"{Section}:{which} must be 'keyId:base64secret'.");
        }

        try
        {
            return new LinkSigningKey(value[..colon], Convert.FromBase64String(value[(colon + 1)..]));
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"{Section}:{which} has a secret that is not base64.", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"{Section}:{which} is refused: {ex.Message} A link-signing secret needs at least 256 bits ({LinkSigningKey.MinimumSecretBytes} bytes).", ex);
        }
    }

    private static string LocalKey(string contentRoot)
    {
        var path = Path.Combine(RepositoryRoot.Find() ?? contentRoot, ".local", "link-signing-key");
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = NewKey("local-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3)));
        File.WriteAllText(path, key);
        return key;
    }
}
