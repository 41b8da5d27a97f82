namespace GuanGong.Functions.Commendations;

/// <summary>A year's naming: the candidates the verdicts give, and the list approved (null until the county approves one).</summary>
public sealed record CommendationView(string CampaignId, int Year, IReadOnlyList<CommendedUnit> Candidates, CommendationRecord? Approved);
