using GuanGong.Domain.Statistics;

namespace GuanGong.Functions.Statistics;

/// <summary>A share as shown: the counts, the percentage with one decimal (null for 0/0) and its display text ("89.6%", "—").</summary>
public sealed record RatioView(int Numerator, int Denominator, decimal? Percent, string Display)
{
    public static RatioView From(Ratio ratio)
    {
        ArgumentNullException.ThrowIfNull(ratio);
        return new(ratio.Numerator, ratio.Denominator, ratio.Percent, ratio.Display);
    }
}
