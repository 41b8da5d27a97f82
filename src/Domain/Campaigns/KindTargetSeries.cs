using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Campaigns;

/// <summary>Guidance by type (分类指导): a cumulative target series for the units of one kind, e.g. schools 50/80/100%.</summary>
/// <param name="Kind">The unit kind.</param>
/// <param name="Targets">Cumulative targets per year, non-decreasing, inside the campaign period.</param>
public sealed record KindTargetSeries(CommitteeKind Kind, IReadOnlyList<YearTarget> Targets);
