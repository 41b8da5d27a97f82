namespace GuanGong.Functions.Campaigns;

/// <summary>Set (or, with a null year, clear) a unit's target year (预达标年度); the reason and the person are required and audited.</summary>
public sealed record TargetYearRequest(int? Year = null, string? Reason = null, string? ChangedBy = null);
