namespace GuanGong.Functions.LookBacks;

/// <summary>A campaign's look-backs, newest first.</summary>
public sealed record LookBackList(string CampaignId, IReadOnlyList<LookBackRecord> LookBacks);
