using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace GuanGong.Functions.Records;

/// <summary>
/// The Table service limits that Azurite does not enforce, checked before a request leaves, so
/// that what passes locally does not fail in Azure: an entity of at most 1 MiB and 255 properties
/// (the 3 system ones included), a property of at most 64 KiB (strings 32,768 UTF-16 characters),
/// keys of at most 1 KiB without <c>/ \ # ?</c> or control characters; a transaction of at most 100
/// operations on one partition, each row once, 4 MiB in all. The SDK passes all of these through.
/// </summary>
internal static class TableLimits
{
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxPropertyBytes = 64 * 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxProperties = 255 - 3;
    public const int MaxKeyBytes = 1024;
    public const int MaxTransactionActions = 100;
    public const int MaxTransactionBytes = 4 * 1024 * 1024;

    // The service's own accounting is close to this: keys and names as UTF-16, 4 bytes of name
    // overhead per property, 8 for fixed-size values (see "Understanding the Table service data model").
    private const int EntityOverheadBytes = 4;

    /// <summary>Throws <see cref="ArgumentException"/> when Azure would refuse the entity; returns its size as the service counts it.</summary>
    public static int Check(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckKey(entity.PartitionKey, "PartitionKey");
        CheckKey(entity.RowKey, "RowKey");
        var size = EntityOverheadBytes + (2 * (entity.PartitionKey.Length + entity.RowKey.Length));
        var properties = 0;
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
            {
                continue;
            }

            properties++;
            var valueBytes = value switch
            {
                null => 0,
                byte[] bytes => bytes.Length,
                BinaryData data => data.ToMemory().Length,
                string text => text.Length > MaxStringChars
                    ? throw new ArgumentException($"Property {name} is a string of {text.Length} characters; Azure allows {MaxStringChars}.", nameof(entity))
                    : 4 + (2 * text.Length),
                _ => 8,
            };
            if (valueBytes > MaxPropertyBytes)
            {
                throw new ArgumentException($"Property {name} has {valueBytes} bytes; Azure allows {MaxPropertyBytes}.", nameof(entity));
            }

            size += 8 + (2 * name.Length) + valueBytes;
        }

        if (properties > MaxProperties)
        {
            throw new ArgumentException($"The entity has {properties} properties; Azure allows {MaxProperties} besides the system ones.", nameof(entity));
        }

        return size <= MaxEntityBytes
            ? size
            : throw new ArgumentException($"The entity is about {size} bytes; Azure allows {MaxEntityBytes}.", nameof(entity));
    }

    /// <summary>Throws <see cref="ArgumentException"/> when Azure would refuse the transaction (Azurite accepts mixed partitions).</summary>
    public static void CheckTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxTransactionActions)
        {
            throw new ArgumentException($"A transaction holds 1 to {MaxTransactionActions} operations, not {actions.Count}.", nameof(actions));
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new ArgumentException($"A transaction is limited to one partition; it mixes '{partition}' and '{action.Entity.PartitionKey}'.", nameof(actions));
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new ArgumentException($"A transaction may touch each row once; '{action.Entity.RowKey}' appears twice.", nameof(actions));
            }

            total += action.Entity is TableEntity entity ? Check(entity) : 0;
        }

        if (total > MaxTransactionBytes)
        {
            throw new ArgumentException($"The transaction is about {total} bytes; Azure allows {MaxTransactionBytes}.", nameof(actions));
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> for a key Azure would refuse (too long, or holding <c>/ \ # ?</c> or a control character).</summary>
    public static void CheckKey(string? key, string name)
    {
        ArgumentNullException.ThrowIfNull(key, name);
        if (Encoding.Unicode.GetByteCount(key) > MaxKeyBytes)
        {
            throw new ArgumentException($"{name} is longer than {MaxKeyBytes} bytes.", name);
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || char.IsControl(c))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} contains a character Azure refuses in keys (U+{(int)c:X4})."), name);
            }
        }
    }
}
