namespace GuanGong.Durable;

/// <summary>The untyped shape of an orchestrator that the engine runs.</summary>
public interface ITaskOrchestrator
{
    /// <summary>The input type, for deserialization.</summary>
    Type InputType { get; }

    /// <summary>Runs the orchestrator.</summary>
    /// <param name="context">The orchestration context.</param>
    /// <param name="input">The deserialized input.</param>
    /// <returns>The output.</returns>
    Task<object?> RunAsync(TaskOrchestrationContext context, object? input);
}
