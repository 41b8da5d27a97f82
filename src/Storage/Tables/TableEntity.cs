using System.Collections;
using System.Globalization;
using Azure;

namespace GuanGong.Storage.Tables;

/// <summary>
/// A dictionary of properties with the system properties on top, as <c>Azure.Data.Tables.TableEntity</c>.
/// Values are kept as their CLR types: <see cref="string"/>, <see cref="int"/>, <see cref="long"/>,
/// <see cref="double"/>, <see cref="bool"/>, <see cref="DateTimeOffset"/> (or <see cref="DateTime"/>),
/// <see cref="Guid"/> and <see cref="byte"/>[] (or <see cref="BinaryData"/>). The system properties
/// live in the dictionary too, under <c>PartitionKey</c>, <c>RowKey</c>, <c>Timestamp</c> and
/// <c>odata.etag</c>, as in the SDK.
/// </summary>
public sealed class TableEntity : ITableEntity, IDictionary<string, object>
{
    internal const string PartitionKeyName = "PartitionKey";
    internal const string RowKeyName = "RowKey";
    internal const string TimestampName = "Timestamp";
    internal const string ETagName = "odata.etag";

    private readonly Dictionary<string, object> _properties;

    /// <summary>An empty entity.</summary>
    public TableEntity() => _properties = new Dictionary<string, object>(StringComparer.Ordinal);

    /// <summary>An entity with its keys.</summary>
    public TableEntity(string partitionKey, string rowKey)
        : this()
    {
        PartitionKey = partitionKey;
        RowKey = rowKey;
    }

    /// <summary>An entity holding a copy of <paramref name="values"/>.</summary>
    public TableEntity(IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _properties = new Dictionary<string, object>(values, StringComparer.Ordinal);
    }

    internal TableEntity(int capacity) => _properties = new Dictionary<string, object>(capacity, StringComparer.Ordinal);

    /// <inheritdoc />
    public string PartitionKey
    {
        get => GetString(PartitionKeyName) ?? string.Empty;
        set => _properties[PartitionKeyName] = value;
    }

    /// <inheritdoc />
    public string RowKey
    {
        get => GetString(RowKeyName) ?? string.Empty;
        set => _properties[RowKeyName] = value;
    }

    /// <inheritdoc />
    public DateTimeOffset? Timestamp
    {
        get => GetDateTimeOffset(TimestampName);
        set => SetOrRemove(TimestampName, value);
    }

    /// <inheritdoc />
    public ETag ETag
    {
        get => _properties.TryGetValue(ETagName, out var value) && value is string text ? new ETag(text) : default;
        set => SetOrRemove(ETagName, value == default ? null : value.ToString());
    }

    /// <inheritdoc />
    public int Count => _properties.Count;

    /// <inheritdoc />
    public bool IsReadOnly => false;

    /// <inheritdoc />
    public ICollection<string> Keys => _properties.Keys;

    /// <inheritdoc />
    public ICollection<object> Values => _properties.Values;

    /// <summary>Gets or sets a property; setting <see langword="null"/> removes it.</summary>
    public object this[string key]
    {
        get => _properties[key];
        set => SetOrRemove(key, value);
    }

    /// <summary>A string property, or null when absent.</summary>
    public string? GetString(string key) => Get(key) switch
    {
        null => null,
        string s => s,
        var other => throw Mismatch(key, other, "String"),
    };

    /// <summary>An Int32 property, or null when absent.</summary>
    public int? GetInt32(string key) => Get(key) switch
    {
        null => null,
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        var other => throw Mismatch(key, other, "Int32"),
    };

    /// <summary>An Int64 property (an Int32 widens), or null when absent.</summary>
    public long? GetInt64(string key) => Get(key) switch
    {
        null => null,
        long l => l,
        int i => i,
        var other => throw Mismatch(key, other, "Int64"),
    };

    /// <summary>A Double property (integers widen), or null when absent.</summary>
    public double? GetDouble(string key) => Get(key) switch
    {
        null => null,
        double d => d,
        int i => i,
        long l => l,
        var other => throw Mismatch(key, other, "Double"),
    };

    /// <summary>A Boolean property, or null when absent.</summary>
    public bool? GetBoolean(string key) => Get(key) switch
    {
        null => null,
        bool b => b,
        var other => throw Mismatch(key, other, "Boolean"),
    };

    /// <summary>A DateTime property, or null when absent.</summary>
    public DateTimeOffset? GetDateTimeOffset(string key) => Get(key) switch
    {
        null => null,
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d.ToUniversalTime()),
        string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) => parsed,
        var other => throw Mismatch(key, other, "DateTime"),
    };

    /// <summary>A DateTime property as a UTC <see cref="DateTime"/>, or null when absent.</summary>
    public DateTime? GetDateTime(string key) => GetDateTimeOffset(key)?.UtcDateTime;

    /// <summary>A Guid property, or null when absent.</summary>
    public Guid? GetGuid(string key) => Get(key) switch
    {
        null => null,
        Guid g => g,
        string s when Guid.TryParse(s, out var parsed) => parsed,
        var other => throw Mismatch(key, other, "Guid"),
    };

    /// <summary>A Binary property, or null when absent.</summary>
    public byte[]? GetBinary(string key) => Get(key) switch
    {
        null => null,
        byte[] bytes => bytes,
        BinaryData data => data.ToArray(),
        var other => throw Mismatch(key, other, "Binary"),
    };

    /// <summary>A Binary property as <see cref="BinaryData"/>, or null when absent.</summary>
    public BinaryData? GetBinaryData(string key) => Get(key) switch
    {
        null => null,
        BinaryData data => data,
        byte[] bytes => new BinaryData(bytes),
        var other => throw Mismatch(key, other, "Binary"),
    };

    /// <inheritdoc />
    public void Add(string key, object value) => _properties.Add(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => _properties.ContainsKey(key);

    /// <inheritdoc />
    public bool Remove(string key) => _properties.Remove(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object value) => _properties.TryGetValue(key, out value!);

    /// <inheritdoc />
    public void Add(KeyValuePair<string, object> item) => _properties.Add(item.Key, item.Value);

    /// <inheritdoc />
    public void Clear() => _properties.Clear();

    /// <inheritdoc />
    public bool Contains(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)_properties).Contains(item);

    /// <inheritdoc />
    public void CopyTo(KeyValuePair<string, object>[] array, int arrayIndex) => ((ICollection<KeyValuePair<string, object>>)_properties).CopyTo(array, arrayIndex);

    /// <inheritdoc />
    public bool Remove(KeyValuePair<string, object> item) => ((ICollection<KeyValuePair<string, object>>)_properties).Remove(item);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal Dictionary<string, object> Properties => _properties;

    private object? Get(string key) => _properties.GetValueOrDefault(key);

    private void SetOrRemove(string key, object? value)
    {
        if (value is null)
        {
            _properties.Remove(key);
        }
        else
        {
            _properties[key] = value;
        }
    }

    private static InvalidOperationException Mismatch(string key, object value, string expected) =>
        new($"Property '{key}' holds a {value.GetType().Name}, not a {expected}.");
}
