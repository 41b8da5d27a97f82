namespace GuanGong.Functions.Campaigns;

/// <summary>Launch a campaign's assessment for one year: every unit in scope gets its link.</summary>
public sealed record LaunchRequest(int? Year);
