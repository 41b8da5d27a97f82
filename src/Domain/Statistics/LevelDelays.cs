using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Statistics;

/// <summary>Late and stuck cases held at one level.</summary>
/// <param name="Level">The level of the holding committees.</param>
/// <param name="WithReviewer">Cases held by a reviewer at this level.</param>
/// <param name="LateCaseIds">Cases past their deadline.</param>
/// <param name="StuckCaseIds">Cases that have not moved for the stuck threshold or longer.</param>
public sealed record LevelDelays(CommitteeLevel Level, int WithReviewer, IReadOnlyList<string> LateCaseIds, IReadOnlyList<string> StuckCaseIds);
