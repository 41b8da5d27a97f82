namespace GuanGong.Domain.Standards;

/// <summary>Bonus items (加分项) and the cap on the bonus they can add together.</summary>
/// <param name="Cap">The most the bonus items add to the total, e.g. 5.</param>
/// <param name="Items">The bonus items.</param>
public sealed record BonusSection(decimal Cap, IReadOnlyList<BonusItem> Items);
