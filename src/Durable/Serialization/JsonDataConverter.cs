using System.Text.Json;

namespace GuanGong.Durable;

/// <summary>The default <see cref="DataConverter"/>: System.Text.Json with web defaults (camelCase, case-insensitive reads).</summary>
public sealed class JsonDataConverter : DataConverter
{
    private readonly JsonSerializerOptions _options;

    /// <summary>Creates a converter with <paramref name="options"/> (default: <see cref="JsonSerializerDefaults.Web"/>).</summary>
    /// <param name="options">Serializer options.</param>
    public JsonDataConverter(JsonSerializerOptions? options = null) => _options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);

    /// <summary>A shared default instance.</summary>
    public static JsonDataConverter Default { get; } = new();

    /// <inheritdoc />
    public override string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), _options);

    /// <inheritdoc />
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null)
        {
            return targetType.IsValueType ? Activator.CreateInstance(targetType) : null;
        }

        return JsonSerializer.Deserialize(data, targetType, _options);
    }
}
