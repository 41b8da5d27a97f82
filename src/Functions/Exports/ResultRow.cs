namespace GuanGong.Functions.Exports;

/// <summary>One unit's line in a results export; totals are null when there is no score yet.</summary>
public sealed record ResultRow(
    string UnitCode,
    string UnitName,
    string Township,
    string Kind,
    string Status,
    decimal? SelfTotal,
    decimal? FinalTotal,
    string Verdict,
    bool Escalated,
    string DecidedAt);
