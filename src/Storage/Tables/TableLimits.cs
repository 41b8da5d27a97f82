using System.Text.RegularExpressions;

namespace GuanGong.Storage.Tables;

/// <summary>
/// Azure Table limits, checked before any request. Azurite accepts mixed-partition batches,
/// oversize entities and more than 255 properties, and caps keys differently, so without these
/// checks code that passes locally would fail in Azure.
/// </summary>
public static partial class TableLimits
{
    /// <summary>Keys are at most 1 KiB of UTF-16, i.e. 512 characters.</summary>
    public const int MaxKeyLength = 512;

    /// <summary>At most 255 properties including PartitionKey, RowKey and Timestamp.</summary>
    public const int MaxProperties = 255;

    /// <summary>An entity is at most 1 MiB (the service's size formula).</summary>
    public const int MaxEntitySize = 1024 * 1024;

    /// <summary>A string property is at most 32,768 UTF-16 characters (64 KiB).</summary>
    public const int MaxStringLength = 32 * 1024;

    /// <summary>A binary property is at most 64 KiB.</summary>
    public const int MaxBinaryLength = 64 * 1024;

    /// <summary>A property name is at most 255 characters.</summary>
    public const int MaxPropertyNameLength = 255;

    /// <summary>An entity group transaction holds at most 100 operations.</summary>
    public const int MaxTransactionOperations = 100;

    /// <summary>An entity group transaction's payload is at most 4 MiB.</summary>
    public const int MaxTransactionSize = 4 * 1024 * 1024;

    /// <summary>Throws <see cref="ArgumentException"/> unless the name matches <c>^[A-Za-z][A-Za-z0-9]{2,62}$</c>.</summary>
    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName))
        {
            throw new ArgumentException($"'{tableName}' is not a valid table name: 3 to 63 letters and digits, starting with a letter.", nameof(tableName));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a key Azure would refuse: too long, or holding <c>/ \ # ?</c> or a control character.</summary>
    public static void ValidateKey(string key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(key, paramName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{paramName} is {key.Length} characters; Azure allows {MaxKeyLength} (1 KiB).", paramName);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException($"{paramName} contains '{(char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString())}', which Azure Tables does not allow in keys.", paramName);
            }
        }
    }

    /// <summary>Checks keys, property count, names, value sizes and the total entity size.</summary>
    public static void ValidateEntity(string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        ValidateKey(partitionKey, "PartitionKey");
        ValidateKey(rowKey, "RowKey");
        long size = 4 + ((partitionKey.Length + rowKey.Length) * 2L);
        var count = 3;
        foreach (var (name, value) in properties)
        {
            if (value is null || TableEntityJson.IsSystem(name))
            {
                continue;
            }

            count++;
            if (name.Length is 0 or > MaxPropertyNameLength)
            {
                throw new ArgumentException($"Property name '{name}' must be 1 to {MaxPropertyNameLength} characters.", nameof(properties));
            }

            size += 8 + (name.Length * 2L) + ValueSize(name, value);
        }

        if (count > MaxProperties)
        {
            throw new ArgumentException($"The entity has {count} properties including the 3 system ones; Azure allows {MaxProperties}.", nameof(properties));
        }

        if (size > MaxEntitySize)
        {
            throw new ArgumentException($"The entity is {size} bytes by the service's size formula; Azure allows {MaxEntitySize} (1 MiB).", nameof(properties));
        }
    }

    private static long ValueSize(string name, object value) => value switch
    {
        string s when s.Length > MaxStringLength => throw new ArgumentException($"Property '{name}' is {s.Length} characters; Azure allows {MaxStringLength}.", nameof(value)),
        string s => (s.Length * 2L) + 4,
        byte[] b when b.Length > MaxBinaryLength => throw new ArgumentException($"Property '{name}' is {b.Length} bytes; Azure allows {MaxBinaryLength}.", nameof(value)),
        byte[] b => b.Length + 4L,
        BinaryData d when d.ToMemory().Length > MaxBinaryLength => throw new ArgumentException($"Property '{name}' is {d.ToMemory().Length} bytes; Azure allows {MaxBinaryLength}.", nameof(value)),
        BinaryData d => d.ToMemory().Length + 4L,
        bool => 1,
        int => 4,
        Guid => 16,
        Enum e => (e.ToString().Length * 2L) + 4,
        _ => 8,
    };

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableNamePattern();
}
