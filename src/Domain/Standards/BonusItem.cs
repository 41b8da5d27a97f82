namespace GuanGong.Domain.Standards;

/// <summary>A bonus item, e.g. "获得市级表彰加3分".</summary>
/// <param name="Id">Unique within the template.</param>
/// <param name="Name">What earns the bonus, in Chinese.</param>
/// <param name="Points">The most this item adds.</param>
/// <param name="Evidence">What proves it (the award document...).</param>
public sealed record BonusItem(string Id, string Name, decimal Points, IReadOnlyList<string> Evidence);
