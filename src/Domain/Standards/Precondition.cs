namespace GuanGong.Domain.Standards;

/// <summary>A yes/no precondition checked before scoring, e.g. 有班子 (has a leadership team).</summary>
/// <param name="Id">Unique within the template.</param>
/// <param name="Name">What must be true, in Chinese.</param>
/// <param name="Evidence">What proves it (rosters, a visit to the office...).</param>
public sealed record Precondition(string Id, string Name, IReadOnlyList<string> Evidence);
