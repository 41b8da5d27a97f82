using System.Globalization;
using System.Reflection;
using System.Runtime.Serialization;

namespace GuanGong.Storage.Tables;

/// <summary>
/// Reads and writes the public properties of an <see cref="ITableEntity"/> class, as the SDK does:
/// every public instance property with a getter is written (except <c>ETag</c> and
/// <c>Timestamp</c>, and those marked <see cref="IgnoreDataMemberAttribute"/>); enums travel as
/// their names. <see cref="TableEntity"/> itself bypasses this.
/// </summary>
internal static class TableEntityMapper
{
    public static IEnumerable<KeyValuePair<string, object?>> PropertiesOf(ITableEntity entity) => entity switch
    {
        TableEntity table => table.Properties.Select(static p => KeyValuePair.Create(p.Key, (object?)p.Value)),
        _ => Accessors.For(entity.GetType()).Select(p => KeyValuePair.Create(p.Name, p.GetValue(entity))),
    };

    public static T Materialize<T>(TableEntity entity)
        where T : class, ITableEntity, new()
    {
        if (entity is T same)
        {
            return same;
        }

        var result = new T();
        foreach (var property in Accessors.For(typeof(T)))
        {
            if (property.CanWrite && entity.TryGetValue(property.Name, out var value))
            {
                property.SetValue(result, Convert(value, property.PropertyType, property.Name));
            }
        }

        result.PartitionKey = entity.PartitionKey;
        result.RowKey = entity.RowKey;
        result.Timestamp = entity.Timestamp;
        result.ETag = entity.ETag;
        return result;
    }

    private static object? Convert(object value, Type target, string name)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (type.IsInstanceOfType(value))
        {
            return value;
        }

        return value switch
        {
            string s when type.IsEnum => Enum.Parse(type, s),
            int i when type == typeof(long) => (long)i,
            int i when type == typeof(double) => (double)i,
            long l when type == typeof(double) => (double)l,
            DateTimeOffset d when type == typeof(DateTime) => d.UtcDateTime,
            byte[] b when type == typeof(BinaryData) => new BinaryData(b),
            _ when value is IConvertible && type.IsPrimitive => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
            _ => throw new InvalidOperationException($"Property '{name}' holds a {value.GetType().Name}, which cannot be read into {target.Name}."),
        };
    }

    private static class Accessors
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, PropertyInfo[]> Cache = new();

        public static PropertyInfo[] For(Type type) => Cache.GetOrAdd(type, static t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0
                && p.Name is not (nameof(ITableEntity.ETag) or nameof(ITableEntity.Timestamp))
                && p.GetCustomAttribute<IgnoreDataMemberAttribute>() is null)
            .ToArray());
    }
}
