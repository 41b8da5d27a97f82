namespace GuanGong.Domain.Campaigns;

/// <summary>
/// A campaign target: by the end of <paramref name="Year"/>, at least <paramref name="Share"/> of the established grassroots
/// committees are rated (cumulative, e.g. 30% by 2025, 60% by 2026, 80% by 2027).
/// </summary>
/// <param name="Year">The year the target is due.</param>
/// <param name="Share">The cumulative share of established units passed.</param>
public sealed record YearTarget(int Year, Percentage Share);
