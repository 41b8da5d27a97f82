using System.Text.RegularExpressions;

namespace GuanGong.Storage;

/// <summary>The naming rule queues and containers share.</summary>
internal static partial class StorageNames
{
    /// <summary>Throws unless the name is 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
    public static void ValidateLowerCaseName(string name, string kind, string paramName)
    {
        ArgumentNullException.ThrowIfNull(name, paramName);
        if (!LowerCaseName().IsMatch(name) || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' is not a valid {kind} name: 3 to 63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.", paramName);
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex LowerCaseName();
}
