using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// The organiser's own numbers for a campaign (the documents leave them blank: "xxx分制", "xx分以上", "xx%"): the pass
/// line, the points of criteria, items and bonus items, criterion minimums, the bonus cap and the township share. Every
/// member is optional; what is not given keeps the template's (or the campaign's) value. Apply them with
/// <see cref="CampaignSetup.SetNumbers"/> before launch.
/// </summary>
/// <param name="PassThreshold">The pass line (达标线) on the final total.</param>
/// <param name="Points">New points by id: a criterion's, an item's or a bonus item's. The total (分制) becomes the sum of the criteria.</param>
/// <param name="MinimumPoints">New criterion minimums by criterion id; null removes a minimum.</param>
/// <param name="BonusCap">The most the bonus items add together.</param>
/// <param name="TownshipUnitShare">The township rule's share.</param>
public sealed record OrganiserNumbers(
    decimal? PassThreshold = null,
    IReadOnlyDictionary<string, decimal>? Points = null,
    IReadOnlyDictionary<string, decimal?>? MinimumPoints = null,
    decimal? BonusCap = null,
    Percentage? TownshipUnitShare = null)
{
    /// <summary>
    /// The template with these numbers: <paramref name="template"/>'s content under <paramref name="id"/> and
    /// <paramref name="version"/>, schema 2, <see cref="StandardTemplate.BasedOn"/> naming the original, and the
    /// example marks (示例) of the values set here removed. Fails with the template's own validation errors when the
    /// numbers do not add up (items to their criterion, the pass line within the total...) and for unknown ids.
    /// </summary>
    /// <param name="template">The template the numbers apply to.</param>
    /// <param name="id">The derived template's id.</param>
    /// <param name="version">The derived template's version.</param>
    public Result<StandardTemplate> ApplyTo(StandardTemplate template, string id, int version)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ValidationError>();
        var points = Points ?? new Dictionary<string, decimal>();
        var minimums = MinimumPoints ?? new Dictionary<string, decimal?>();
        var knownPoints = template.Criteria.Select(c => c.Id).Concat(template.AllItems.Select(i => i.Id)).Concat(template.Bonus?.Items.Select(b => b.Id) ?? []).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(points.Keys.Where(k => !knownPoints.Contains(k)).Select(k => Unknown("points", k)));
        errors.AddRange(minimums.Keys.Where(k => template.Criteria.All(c => c.Id != k)).Select(k => Unknown("minimumPoints", k)));
        if (errors.Count > 0)
        {
            return Result<StandardTemplate>.Failure(errors);
        }

        var set = new List<string>();
        var criteria = template.Criteria.Select((c, ci) =>
        {
            var items = c.Items.Select((item, ii) =>
            {
                if (!points.TryGetValue(item.Id, out var p))
                {
                    return item;
                }

                set.Add($"criteria[{ci}].items[{ii}].points");
                return item with { Points = p };
            }).ToList();
            var criterion = c with { Items = items };
            if (points.TryGetValue(c.Id, out var cp))
            {
                set.Add($"criteria[{ci}].points");
                criterion = criterion with { Points = cp };
            }

            if (minimums.TryGetValue(c.Id, out var min))
            {
                set.Add($"criteria[{ci}].minimumPoints");
                criterion = criterion with { MinimumPoints = min };
            }

            return criterion;
        }).ToList();
        var bonus = template.Bonus is { } b
            ? b with
            {
                Cap = BonusCap ?? b.Cap,
                Items = [.. b.Items.Select((item, bi) => points.TryGetValue(item.Id, out var p) ? Mark(set, $"bonus.items[{bi}].points", item with { Points = p }) : item)],
            }
            : null;
        if (BonusCap is not null)
        {
            set.Add("bonus.cap");
        }

        if (PassThreshold is not null)
        {
            set.Add("passThreshold");
        }

        if (criteria.Count > 0 && points.Keys.Any(k => template.Criteria.Any(c => c.Id == k)))
        {
            set.Add("totalPoints");
        }

        var remainingExamples = template.ExampleValues is { } examples
            ? ExamplePaths.Expand(template, examples).Except(set, StringComparer.Ordinal).ToList()
            : null;
        var derived = template with
        {
            SchemaVersion = StandardTemplate.CurrentSchemaVersion,
            Id = id,
            Version = version,
            Criteria = criteria,
            TotalPoints = criteria.Count > 0 ? criteria.Sum(c => c.Points) : template.TotalPoints,
            PassThreshold = PassThreshold ?? template.PassThreshold,
            Bonus = bonus,
            ExampleValues = remainingExamples is { Count: > 0 } ? remainingExamples : null,
            BasedOn = template.BasedOn ?? template.Pin(),
        };
        var invalid = TemplateValidator.Validate(derived);
        return invalid.Count == 0 ? Result<StandardTemplate>.Success(derived) : Result<StandardTemplate>.Failure(invalid);
    }

    private static T Mark<T>(List<string> set, string path, T value)
    {
        set.Add(path);
        return value;
    }

    private static ValidationError Unknown(string field, string id) =>
        new($"{field}.{id}", "numbers.id_unknown", $"标准中没有编号为“{id}”的指标或评分项。", $"The template has no criterion or item '{id}'.");
}
