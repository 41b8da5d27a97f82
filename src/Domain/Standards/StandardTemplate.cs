using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace GuanGong.Domain.Standards;

/// <summary>
/// A standard (五好, 六好, 五有, 五有五好...) held as data: optional preconditions that gate scoring, then criteria
/// made of scored items, optional bonus items with a cap, the total and the pass line.
/// Persisted as JSON (embedded templates in <c>Standards/*.json</c>, admin-supplied templates in storage);
/// check one with <see cref="TemplateValidator"/> before use.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="Id">Stable identifier, lowercase letters, digits and hyphens, e.g. <c>five-good-a</c>.</param>
/// <param name="Version">Version of the content; a changed rubric gets a new version, campaigns pin one.</param>
/// <param name="Name">Name in Chinese, e.g. 五好基层关工委评分标准（A 版）.</param>
/// <param name="Description">Where the standard comes from and whom it is for.</param>
/// <param name="TotalPoints">The scale: the criteria's points add up to this (100 by default); 0 for a preconditions-only template.</param>
/// <param name="PassThreshold">The pass line (inclusive) on the final total including bonus, e.g. 85; set locally, so part of the data.</param>
/// <param name="Preconditions">Yes/no conditions checked before scoring (五有); any "no" means not passed whatever the points.</param>
/// <param name="Criteria">The scored criteria.</param>
/// <param name="Bonus">Bonus items and their cap; null when the standard has none.</param>
public sealed record StandardTemplate(
    int SchemaVersion,
    string Id,
    int Version,
    string Name,
    string? Description,
    decimal TotalPoints,
    decimal PassThreshold,
    IReadOnlyList<Precondition> Preconditions,
    IReadOnlyList<Criterion> Criteria,
    BonusSection? Bonus)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>All scored items of all criteria, in order.</summary>
    [JsonIgnore]
    public IEnumerable<ScoringItem> AllItems => Criteria.SelectMany(c => c.Items);

    /// <summary>The maximum final total: <see cref="TotalPoints"/> plus the bonus cap.</summary>
    [JsonIgnore]
    public decimal MaximumTotal => TotalPoints + (Bonus?.Cap ?? 0m);

    /// <summary>
    /// SHA-256 of the template's canonical JSON (<see cref="DomainJson"/>), lowercase hex. A campaign stores it in its
    /// <see cref="TemplatePin"/> so an edited template cannot silently change the rules of a running campaign.
    /// </summary>
    public string ComputeContentHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DomainJson.Serialize(this))));

    /// <summary>The pin a campaign stores: id, version and content hash.</summary>
    public TemplatePin Pin() => new(Id, Version, ComputeContentHash());
}
