using System.Security.Cryptography;
using System.Text;
using GuanGong.LocalStack;

namespace GuanGong.Functions.Http;

/// <summary>
/// The admin key (<c>GuanGong:AdminKey</c>, a Key Vault reference in Azure). The local profile, when
/// none is configured, keeps a generated one in <c>.local/admin-key</c> and logs where it is, so a
/// newcomer can open the dashboard; any other profile without a key refuses admin calls entirely.
/// </summary>
public sealed class AccessKeys
{
    public const string AdminKeyHeader = "X-Admin-Key";

    private readonly byte[]? _adminKeyHash;

    public AccessKeys(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var key = configuration["GuanGong:AdminKey"];
        if (string.IsNullOrWhiteSpace(key) && Hosting.AppComposition.IsLocalProfile(configuration))
        {
            LocalAdminKeyPath = Path.Combine(RepositoryRoot.Find() ?? environment.ContentRootPath, ".local", "admin-key");
            if (!File.Exists(LocalAdminKeyPath))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(LocalAdminKeyPath)!);
                File.WriteAllText(LocalAdminKeyPath, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
            }

            key = File.ReadAllText(LocalAdminKeyPath).Trim();
        }

        _adminKeyHash = string.IsNullOrWhiteSpace(key) ? null : Hash(key);
    }

    /// <summary>Where the local profile keeps its generated admin key (null when one is configured).</summary>
    public string? LocalAdminKeyPath { get; }

    public bool IsAdminKey(string? candidate) =>
        _adminKeyHash is not null && candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Hash(candidate), _adminKeyHash);

    /// <summary>SHA-256 of a key: what is compared and what is stored for committee API keys (never the key itself).</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
