using System.Globalization;
using System.Text.Json;

namespace GuanGong.Storage.Tables;

/// <summary>
/// Entity JSON in the OData "minimal metadata" shape. Strings, Int32, Double and Boolean are
/// inferred from the JSON value; Int64, DateTime, Guid and Binary carry a
/// <c>Name@odata.type</c> annotation, and so does a Double whose value is integral (or the service
/// would read it back as an Int32).
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";

    public static void Write(Utf8JsonWriter writer, string partitionKey, string rowKey, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        writer.WriteStartObject();
        writer.WriteString(TableEntity.PartitionKeyName, partitionKey);
        writer.WriteString(TableEntity.RowKeyName, rowKey);
        foreach (var (name, value) in properties)
        {
            if (value is null || IsSystem(name))
            {
                continue;
            }

            WriteProperty(writer, name, value);
        }

        writer.WriteEndObject();
    }

    public static bool IsSystem(string name) =>
        name is TableEntity.PartitionKeyName or TableEntity.RowKeyName or TableEntity.TimestampName or TableEntity.ETagName;

    private static void WriteProperty(Utf8JsonWriter writer, string name, object value)
    {
        switch (value)
        {
            case string s:
                writer.WriteString(name, s);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                Annotate(writer, name, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                WriteDouble(writer, name, d);
                break;
            case float f:
                WriteDouble(writer, name, f);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case DateTimeOffset dto:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(dto));
                break;
            case DateTime dt:
                Annotate(writer, name, "Edm.DateTime");
                writer.WriteString(name, FormatDateTime(ToOffset(dt)));
                break;
            case Guid g:
                Annotate(writer, name, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                Annotate(writer, name, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new ArgumentException($"Property '{name}' has type {value.GetType().Name}, which Azure Tables cannot store.");
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double d)
    {
        if (!double.IsFinite(d))
        {
            Annotate(writer, name, "Edm.Double");
            writer.WriteString(name, double.IsNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        }
        else
        {
            if (Math.Floor(d) == d)
            {
                Annotate(writer, name, "Edm.Double");
            }

            writer.WriteNumber(name, d);
        }
    }

    private static void Annotate(Utf8JsonWriter writer, string name, string edmType) =>
        writer.WriteString(string.Concat(name, TypeSuffix), edmType);

    internal static DateTimeOffset ToOffset(DateTime value) =>
        value.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(value, TimeSpan.Zero) : new DateTimeOffset(value.ToUniversalTime());

    internal static string FormatDateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static TableEntity Read(JsonElement element)
    {
        Dictionary<string, string>? types = null;
        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            count++;
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal))
            {
                types ??= new Dictionary<string, string>(StringComparer.Ordinal);
                types[property.Name[..^TypeSuffix.Length]] = property.Value.GetString() ?? string.Empty;
            }
        }

        var entity = new TableEntity(count);
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == TableEntity.ETagName)
            {
                entity.Properties[TableEntity.ETagName] = property.Value.GetString()!;
                continue;
            }

            if (name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.StartsWith("odata.", StringComparison.Ordinal))
            {
                continue;
            }

            // Minimal metadata leaves Timestamp unannotated: it is always an Edm.DateTime.
            var edmType = types is not null && types.TryGetValue(name, out var edm) ? edm
                : name == TableEntity.TimestampName ? "Edm.DateTime" : null;
            var value = ReadValue(property.Value, edmType);
            if (value is not null)
            {
                entity.Properties[name] = value;
            }
        }

        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        switch (edmType)
        {
            case "Edm.Int64":
                return value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64();
            case "Edm.DateTime":
                return DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
            case "Edm.Guid":
                return Guid.Parse(value.GetString()!);
            case "Edm.Binary":
                return value.GetBytesFromBase64();
            case "Edm.Double":
                return value.ValueKind == JsonValueKind.String
                    ? value.GetString() switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" or "INF" => double.PositiveInfinity,
                        "-Infinity" or "-INF" => double.NegativeInfinity,
                        var text => double.Parse(text!, CultureInfo.InvariantCulture),
                    }
                    : value.GetDouble();
            case "Edm.Int32":
                return value.GetInt32();
            case "Edm.Boolean":
                return value.GetBoolean();
            default:
                break;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetInt32(out var i) ? (object)i : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => value.GetRawText(),
        };
    }
}
