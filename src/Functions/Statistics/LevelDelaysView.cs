namespace GuanGong.Functions.Statistics;

/// <summary>Cases held by reviewers at one level: how many, which are past their due time, which have sat too long.</summary>
public sealed record LevelDelaysView(string Level, int WithReviewer, IReadOnlyList<string> LateCaseIds, IReadOnlyList<string> StuckCaseIds);
