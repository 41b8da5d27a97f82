using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Cases;

/// <summary>A township's rating under the "≥ X% of its units" rule, re-evaluated on every unit verdict. Versioned contract.</summary>
public sealed record TownshipRatingRecord(int SchemaVersion, string CampaignId, int Year, TownshipRating Rating, DateTimeOffset EvaluatedAt)
{
    public const int CurrentSchemaVersion = 1;
}
