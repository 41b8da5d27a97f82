namespace GuanGong.Functions.Reviews;

/// <summary>What a reviewer can decide on a task.</summary>
public enum ReviewAction
{
    /// <summary>Pass it on (at the last stage: the verdict "passed").</summary>
    Approve,

    /// <summary>Return it to the unit for rectification; a reason is required.</summary>
    Return,

    /// <summary>Reject it (the verdict "failed"); a reason is required.</summary>
    Reject,
}
