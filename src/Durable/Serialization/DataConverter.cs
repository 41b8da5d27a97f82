namespace GuanGong.Durable;

/// <summary>Turns inputs, outputs, events and custom status into the strings stored in history and messages.</summary>
public abstract class DataConverter
{
    /// <summary>Serializes <paramref name="value"/> (null stays null).</summary>
    /// <param name="value">The value.</param>
    /// <returns>The serialized text, or null.</returns>
    public abstract string? Serialize(object? value);

    /// <summary>Deserializes <paramref name="data"/> into <paramref name="targetType"/> (null gives the type's default).</summary>
    /// <param name="data">The serialized text.</param>
    /// <param name="targetType">The type to produce.</param>
    /// <returns>The value.</returns>
    public abstract object? Deserialize(string? data, Type targetType);

    /// <summary>Deserializes <paramref name="data"/> into <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type to produce.</typeparam>
    /// <param name="data">The serialized text.</param>
    /// <returns>The value.</returns>
    public T? Deserialize<T>(string? data) => (T?)Deserialize(data, typeof(T));
}
