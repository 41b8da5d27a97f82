namespace GuanGong.Durable;

/// <summary>The lifecycle state of an orchestration instance.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Created by a client; the start message has not been processed yet.</summary>
    Pending,

    /// <summary>Started and not finished.</summary>
    Running,

    /// <summary>Finished with a result.</summary>
    Completed,

    /// <summary>Finished with an unhandled failure (or a poison message; see the failure details).</summary>
    Failed,

    /// <summary>Ended by a client's terminate request.</summary>
    Terminated,

    /// <summary>Paused by a client.</summary>
    Suspended,
}
