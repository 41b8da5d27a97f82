namespace GuanGong.Domain.Links;

/// <summary>What an emailed link lets its holder do. A flags set: a link usually carries View plus the decisions.</summary>
[Flags]
public enum ApprovalActions
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>See the case and its ledger files.</summary>
    View = 1,

    /// <summary>Approve (forward, or pass at the verdict stage).</summary>
    Approve = 2,

    /// <summary>Return for rectification.</summary>
    Return = 4,

    /// <summary>Decide the unit does not meet the standard.</summary>
    Reject = 8,
}
