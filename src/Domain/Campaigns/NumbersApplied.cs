using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>The outcome of <see cref="CampaignSetup.SetNumbers"/>: the new settings and the campaign's own template to store.</summary>
/// <param name="Settings">The settings, now pinning <paramref name="Template"/>.</param>
/// <param name="Template">The derived template (store it with the admin templates, then the settings).</param>
public sealed record NumbersApplied(CampaignSettings Settings, StandardTemplate Template);
