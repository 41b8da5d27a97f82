using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Statistics;

/// <summary>A case the app reports on: where it is, which committee holds it and since when.</summary>
/// <param name="CaseId">The case id.</param>
/// <param name="UnitCode">The unit being assessed.</param>
/// <param name="State">The case state.</param>
/// <param name="HolderCode">The committee that holds the current stage (after escalation: the next level).</param>
/// <param name="StageStartedAt">When the current stage started.</param>
/// <param name="DueAt">When the current stage's reviewers' deadline passes.</param>
public sealed record OpenCase(string CaseId, string UnitCode, CaseState State, string HolderCode, DateTimeOffset StageStartedAt, DateTimeOffset DueAt);
