namespace GuanGong.Domain.LookBack;

/// <summary>The record of a unit losing its status after a look-back. Persisted with the case's audit trail.</summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="UnitCode">The unit.</param>
/// <param name="CaseId">The passed case that is revoked.</param>
/// <param name="Reasons">Why, as the look-back found it (at least one), e.g. "活动记录2025年下半年空白".</param>
/// <param name="DecidedByCommitteeCode">The committee that decided (the verdict committee or one above it).</param>
/// <param name="DecidedBy">The person who recorded the decision.</param>
/// <param name="DecidedAt">When.</param>
public sealed record Revocation(
    int SchemaVersion,
    string UnitCode,
    string CaseId,
    IReadOnlyList<string> Reasons,
    string DecidedByCommitteeCode,
    string DecidedBy,
    DateTimeOffset DecidedAt)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;
}
