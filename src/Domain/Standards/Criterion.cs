namespace GuanGong.Domain.Standards;

/// <summary>One criterion of a standard, e.g. 领导班子建设好, with its scored items.</summary>
/// <param name="Id">Unique within the template.</param>
/// <param name="Name">Name in Chinese.</param>
/// <param name="Points">The criterion's points; its items add up to this.</param>
/// <param name="MinimumPoints">Optional floor: a unit scoring below it on this criterion fails whatever its total.</param>
/// <param name="Items">The scored items.</param>
public sealed record Criterion(string Id, string Name, decimal Points, decimal? MinimumPoints, IReadOnlyList<ScoringItem> Items);
