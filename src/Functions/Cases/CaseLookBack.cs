namespace GuanGong.Functions.Cases;

/// <summary>
/// A look-back's order on a passed case, kept on the case (versioned contract). <see cref="Year"/> is the campaign year
/// of the look-back: figures of earlier years still count the case as passed.
/// </summary>
/// <param name="LookBackId">The look-back that ordered it.</param>
/// <param name="Year">The campaign year of the look-back.</param>
/// <param name="Order">限期整改 or 撤销.</param>
/// <param name="Reasons">What the look-back found (at least one).</param>
/// <param name="DecidedByCommitteeCode">The committee that ordered it (the county, or the unit's township).</param>
/// <param name="DecidedBy">The person who recorded the order.</param>
/// <param name="DecidedAt">When.</param>
/// <param name="DueAt">For a rectification: the deadline for resubmitting (China working days).</param>
public sealed record CaseLookBack(
    string LookBackId,
    int Year,
    LookBackOrder Order,
    IReadOnlyList<string> Reasons,
    string DecidedByCommitteeCode,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    DateTimeOffset? DueAt);
