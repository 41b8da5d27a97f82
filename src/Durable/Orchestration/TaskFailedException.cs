namespace GuanGong.Durable;

/// <summary>
/// Thrown inside an orchestrator when an activity or sub-orchestration it awaited failed. The
/// original exception lived in another process (or another episode), so only its
/// <see cref="FailureDetails"/> survive.
/// </summary>
public sealed class TaskFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="taskName">The activity or sub-orchestration name.</param>
    /// <param name="taskId">The call number.</param>
    /// <param name="failureDetails">What went wrong.</param>
    public TaskFailedException(string taskName, int taskId, TaskFailureDetails failureDetails)
        : base($"Task '{taskName}' (#{taskId}) failed with an unhandled exception: {failureDetails?.ErrorMessage}")
    {
        ArgumentNullException.ThrowIfNull(failureDetails);
        TaskName = taskName;
        TaskId = taskId;
        FailureDetails = failureDetails;
    }

    /// <summary>The activity or sub-orchestration name.</summary>
    public string TaskName { get; }

    /// <summary>The call number.</summary>
    public int TaskId { get; }

    /// <summary>What went wrong.</summary>
    public TaskFailureDetails FailureDetails { get; }
}
