namespace GuanGong.Domain.Scoring;

/// <summary>Bonus points claimed for one bonus item.</summary>
/// <param name="BonusItemId">The template's bonus item id.</param>
/// <param name="Points">Points claimed, 0..the item's points.</param>
/// <param name="Note">What earned it (e.g. the award document's number).</param>
public sealed record BonusScore(string BonusItemId, decimal Points, string? Note = null);
