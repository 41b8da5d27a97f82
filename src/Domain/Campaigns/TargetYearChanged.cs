namespace GuanGong.Domain.Campaigns;

/// <summary>The outcome of <see cref="TargetYears.Change"/>: the settings to store and the audit record to store with them.</summary>
/// <param name="Settings">The campaign settings with the unit's new target year.</param>
/// <param name="Change">The audit record.</param>
public sealed record TargetYearChanged(CampaignSettings Settings, TargetYearChange Change);
