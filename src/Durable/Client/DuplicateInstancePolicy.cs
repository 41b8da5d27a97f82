namespace GuanGong.Durable;

/// <summary>What starting an instance does when its id is already taken.</summary>
public enum DuplicateInstancePolicy
{
    /// <summary>Replace a finished instance with a new one; refuse (<see cref="OrchestrationAlreadyExistsException"/>) while it is pending or running.</summary>
    ReplaceIfFinished,

    /// <summary>Always refuse with <see cref="OrchestrationAlreadyExistsException"/>.</summary>
    Refuse,

    /// <summary>Treat the start as already done: return the existing id without starting anything (idempotent starts).</summary>
    ReturnExisting,
}
