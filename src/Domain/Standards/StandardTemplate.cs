using System.Runtime.CompilerServices;
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
/// <remarks>
/// Schema versions: 1 has the positional members; 2 (issue 15) adds the optional <see cref="StandardName"/>,
/// <see cref="ExampleValues"/>, <see cref="BasedOn"/> and <see cref="ScoringItem.YesNo"/>. The optional members are
/// left out of the JSON when absent, so a version 1 template serialises, and hashes, exactly as before: pinned campaigns
/// keep resolving.
/// </remarks>
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
    /// <summary>The schema version this code writes; it reads 1 and 2.</summary>
    public const int CurrentSchemaVersion = 2;

    /// <summary>The oldest schema version this code reads.</summary>
    public const int OldestReadableSchemaVersion = 1;

    /// <summary>
    /// The standard's own short name for page headers and mails, e.g. 六好基层关工委 or 五有五好基层关工委 (schema 2).
    /// A campaign may name it differently (<see cref="Campaigns.CampaignSettings.StandardName"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StandardName { get; init; }

    /// <summary>
    /// The values this template invents (示例) where the source documents leave them blank ("xxx分制", "xx分以上"): the
    /// organiser sets the real ones before launch (schema 2). Paths into the template, <c>[*]</c> for every element:
    /// <c>passThreshold</c>, <c>totalPoints</c>, <c>criteria[*].points</c>, <c>criteria[0].minimumPoints</c>,
    /// <c>criteria[*].items[*].points</c>, <c>criteria[1].items[2].name</c> (a number in the item's wording),
    /// <c>criteria[*].items[*].deductions[*]</c>, <c>bonus</c>. Test one with <see cref="IsExample"/>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? ExampleValues { get; init; }

    /// <summary>The template this one was derived from with a campaign's own numbers (<see cref="Campaigns.OrganiserNumbers"/>); null for an original.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TemplatePin? BasedOn { get; init; }

    /// <summary>The label pages put beside a value that <see cref="IsExample"/> marks.</summary>
    public const string ExampleLabel = "示例";

    /// <summary>
    /// True when the value at <paramref name="path"/> (e.g. <c>criteria[2].items[0].points</c>) is an invented example
    /// value (示例) by <see cref="ExampleValues"/>: pages show <see cref="ExampleLabel"/> beside it.
    /// </summary>
    /// <param name="path">A concrete path, without wildcards.</param>
    public bool IsExample(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ExampleValues?.Any(pattern => ExamplePaths.Matches(pattern, path)) ?? false;
    }

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
    /// <remarks>
    /// Worked out once per instance and kept beside it (every submission checks its sheet's pin against the campaign's
    /// template, twice: it was a tenth of a submission's CPU). A template is immutable; a <c>with</c> copy is another
    /// instance and is hashed afresh. Kept outside the record so it takes no part in its equality or its copies.
    /// </remarks>
    public string ComputeContentHash() =>
        ContentHashes.GetValue(this, static template => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(DomainJson.Serialize(template)))));

    private static readonly ConditionalWeakTable<StandardTemplate, string> ContentHashes = new();

    /// <summary>The pin a campaign stores: id, version and content hash.</summary>
    public TemplatePin Pin() => new(Id, Version, ComputeContentHash());
}
