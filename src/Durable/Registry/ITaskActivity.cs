namespace GuanGong.Durable;

/// <summary>The untyped shape of an activity that the engine runs.</summary>
public interface ITaskActivity
{
    /// <summary>The input type, for deserialization.</summary>
    Type InputType { get; }

    /// <summary>Runs the activity.</summary>
    /// <param name="context">The activity context.</param>
    /// <param name="input">The deserialized input.</param>
    /// <returns>The result.</returns>
    Task<object?> RunAsync(TaskActivityContext context, object? input);
}
