namespace GuanGong.Domain.Standards;

/// <summary>A deduction rule of an item, e.g. "每缺一次会议记录扣0.5分，最多扣2分".</summary>
/// <param name="Id">Unique within its item.</param>
/// <param name="Description">The rule as the scoring sheet states it, in Chinese.</param>
/// <param name="PointsPerOccurrence">Points taken off per occurrence (per missing record, per missed meeting...).</param>
/// <param name="Cap">The most this rule can take off; null means up to the item's points.</param>
public sealed record DeductionRule(string Id, string Description, decimal PointsPerOccurrence, decimal? Cap)
{
    /// <summary>Points this rule takes off for <paramref name="occurrences"/> occurrences, capped by <see cref="Cap"/> and <paramref name="itemPoints"/>.</summary>
    /// <param name="occurrences">How many times the shortfall occurred; not negative.</param>
    /// <param name="itemPoints">The item's full points.</param>
    public decimal Deduct(int occurrences, decimal itemPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(occurrences);
        return Math.Min(Math.Min(PointsPerOccurrence * occurrences, Cap ?? itemPoints), itemPoints);
    }
}
