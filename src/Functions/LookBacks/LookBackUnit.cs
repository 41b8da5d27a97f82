using GuanGong.Functions.Cases;

namespace GuanGong.Functions.LookBacks;

/// <summary>A unit drawn for a look-back: its passed case, the findings recorded, and the order made (if any).</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="UnitName">Its name, as the tree had it when drawn.</param>
/// <param name="CaseId">The passed case the look-back checks (the unit's latest decided case).</param>
/// <param name="Findings">What the check found, oldest first.</param>
/// <param name="Order">限期整改 or 撤销; null while none is ordered (the unit keeps its status).</param>
/// <param name="OrderedAt">When the order was made.</param>
public sealed record LookBackUnit(
    string UnitCode,
    string UnitName,
    string CaseId,
    IReadOnlyList<LookBackFinding> Findings,
    LookBackOrder? Order,
    DateTimeOffset? OrderedAt);
