namespace GuanGong.Domain.Campaigns;

/// <summary>A unit's target year (预达标年度), set when year one sorts the units.</summary>
/// <param name="UnitCode">The committee code.</param>
/// <param name="Year">The year it is expected to pass.</param>
public sealed record UnitTargetYear(string UnitCode, int Year);
