using GuanGong.Domain.Organisations;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Campaigns;

/// <summary>
/// Checks campaign settings: names, a period of 1 to 10 years, targets inside the period and non-decreasing, unit target
/// years inside the period for units of the organiser's subtree, valid deadline ladders, and a template pin that resolves.
/// </summary>
public static class CampaignValidator
{
    /// <summary>Validates the settings; the tree and catalog checks run when they are given.</summary>
    /// <param name="settings">The settings.</param>
    /// <param name="tree">The organisation tree, to check the organiser and unit codes.</param>
    /// <param name="catalog">The templates, to check the pin resolves to unchanged content.</param>
    public static IReadOnlyList<ValidationError> Validate(CampaignSettings settings, OrganisationTree? tree = null, TemplateCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<ValidationError>();
        if (settings.SchemaVersion is < CampaignSettings.OldestReadableSchemaVersion or > CampaignSettings.CurrentSchemaVersion)
        {
            errors.Add(new("schemaVersion", "campaign.schema_unsupported", $"不支持的格式版本 {settings.SchemaVersion}。", $"Schema version {settings.SchemaVersion} is not supported."));
        }

        if (string.IsNullOrWhiteSpace(settings.Id))
        {
            errors.Add(new("id", "campaign.id_missing", "活动编号不能为空。", "The campaign id is missing."));
        }

        if (string.IsNullOrWhiteSpace(settings.Name))
        {
            errors.Add(new("name", "campaign.name_missing", "活动名称不能为空。", "The campaign name is missing."));
        }

        if (settings.EndYear < settings.StartYear || settings.EndYear - settings.StartYear > 9)
        {
            errors.Add(new("endYear", "campaign.period_invalid", "活动周期必须为 1 到 10 年。", "The period must be 1 to 10 years."));
        }

        ValidateTargets(settings, errors);
        ValidateUnits(settings, tree, errors);
        ValidateStages(settings, errors);
        ValidateVersion2Members(settings, errors);
        if (catalog is not null)
        {
            errors.AddRange(catalog.Resolve(settings.Template).Errors);
            for (var i = 0; i < (settings.KindTemplates?.Count ?? 0); i++)
            {
                errors.AddRange(catalog.Resolve(settings.KindTemplates![i].Template).Errors.Select(e => e.Under($"kindTemplates[{i}]")));
            }
        }

        return errors;
    }

    private static bool InPeriod(CampaignSettings s, int year) => year >= s.StartYear && year <= s.EndYear;

    private static void ValidateTargets(CampaignSettings settings, List<ValidationError> errors) =>
        ValidateTargetList(settings, settings.YearTargets, errors);

    private static void ValidateTargetList(CampaignSettings settings, IReadOnlyList<YearTarget> targets, List<ValidationError> errors)
    {
        var seen = new HashSet<int>();
        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            if (!InPeriod(settings, t.Year))
            {
                errors.Add(new($"yearTargets[{i}].year", "campaign.year_outside_period", $"{t.Year} 年不在活动周期内。", $"{t.Year} is outside the campaign period."));
            }
            else if (!seen.Add(t.Year))
            {
                errors.Add(new($"yearTargets[{i}].year", "campaign.target_duplicate", $"{t.Year} 年的目标重复。", $"The target for {t.Year} is set twice."));
            }
        }

        var ordered = targets.OrderBy(t => t.Year).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Share.Value < ordered[i - 1].Share.Value)
            {
                errors.Add(new("yearTargets", "campaign.targets_decreasing", "年度目标是累计比例，后一年不能低于前一年。", "Targets are cumulative and must not decrease from year to year."));
                break;
            }
        }
    }

    private static void ValidateUnits(CampaignSettings settings, OrganisationTree? tree, List<ValidationError> errors)
    {
        if (tree is not null && !tree.Contains(settings.OrganiserCode))
        {
            errors.Add(new("organiserCode", "campaign.organiser_unknown", $"组织单位“{settings.OrganiserCode}”不存在。", $"The organiser '{settings.OrganiserCode}' does not exist."));
            tree = null;
        }

        var inScope = tree?.Subtree(settings.OrganiserCode).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.UnitTargetYears.Count; i++)
        {
            var u = settings.UnitTargetYears[i];
            var at = $"unitTargetYears[{i}]";
            if (!InPeriod(settings, u.Year))
            {
                errors.Add(new($"{at}.year", "campaign.year_outside_period", $"{u.Year} 年不在活动周期内。", $"{u.Year} is outside the campaign period."));
            }

            if (!seen.Add(u.UnitCode))
            {
                errors.Add(new($"{at}.unitCode", "campaign.unit_duplicate", $"单位“{u.UnitCode}”重复。", $"The unit '{u.UnitCode}' is listed twice."));
            }
            else if (inScope is not null && !inScope.Contains(u.UnitCode))
            {
                errors.Add(new($"{at}.unitCode", "campaign.unit_out_of_scope", $"单位“{u.UnitCode}”不在本次活动范围内。", $"The unit '{u.UnitCode}' is not under the organiser."));
            }
        }
    }

    private static void ValidateVersion2Members(CampaignSettings settings, List<ValidationError> errors)
    {
        var usesV2 = settings.TownshipRuleKinds is not null || settings.StandardName is not null || settings.KindTemplates is not null || settings.KindTargets is not null;
        if (usesV2 && settings.SchemaVersion < 2)
        {
            errors.Add(new("schemaVersion", "campaign.schema_too_old", "使用了第 2 版格式的字段，格式版本必须为 2。", "The settings use schema 2 members; schemaVersion must be 2."));
        }

        if (settings.StandardName is { } name && string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("standardName", "campaign.standard_name_blank", "标准名称不能为空白。", "The standard name is blank."));
        }

        if (settings.TownshipRuleKinds is { } kinds)
        {
            if (kinds.Count == 0)
            {
                errors.Add(new("townshipRuleKinds", "campaign.rule_kinds_empty", "乡镇达标比例至少要计入一类基层单位。", "The township rule must count at least one kind of unit."));
            }

            for (var i = 0; i < kinds.Count; i++)
            {
                if (!GrassrootsKinds.Contains(kinds[i]))
                {
                    errors.Add(new($"townshipRuleKinds[{i}]", "campaign.rule_kind_not_grassroots", "乡镇达标比例只能计入村、社区、学校、企业、机关等基层单位。", $"The kind {kinds[i]} is not a grassroots kind."));
                }
            }

            if (kinds.Distinct().Count() != kinds.Count)
            {
                errors.Add(new("townshipRuleKinds", "campaign.rule_kind_duplicate", "计入的单位类型重复。", "A kind is listed twice."));
            }
        }

        if (settings.KindTemplates is { } templates && templates.Select(t => t.Kind).Distinct().Count() != templates.Count)
        {
            errors.Add(new("kindTemplates", "campaign.kind_duplicate", "同一类单位只能有一套评分表。", "A kind has two scoring sheets."));
        }

        if (settings.KindTargets is { } series)
        {
            if (series.Select(t => t.Kind).Distinct().Count() != series.Count)
            {
                errors.Add(new("kindTargets", "campaign.kind_duplicate", "同一类单位只能有一组年度目标。", "A kind has two target series."));
            }

            for (var i = 0; i < series.Count; i++)
            {
                var own = new List<ValidationError>();
                ValidateTargetList(settings, series[i].Targets, own);
                errors.AddRange(own.Select(e => e.Under($"kindTargets[{i}]")));
            }
        }
    }

    private static readonly CommitteeKind[] GrassrootsKinds =
        [CommitteeKind.Village, CommitteeKind.Community, CommitteeKind.School, CommitteeKind.Enterprise, CommitteeKind.Department, CommitteeKind.Other];

    private static void ValidateStages(CampaignSettings settings, List<ValidationError> errors)
    {
        if (settings.ReviewStageCount is < 1 or > 5)
        {
            errors.Add(new("reviewStageCount", "campaign.stages_out_of_range", "审核层级数必须在 1 到 5 之间。", "The number of review stages must be 1 to 5."));
        }

        if (settings.StageLadders.Count == 0 || settings.StageLadders.Count > Math.Max(1, settings.ReviewStageCount))
        {
            errors.Add(new("stageLadders", "campaign.ladders_count", "每个审核层级需要一套期限设置（至少一套）。", "Give one deadline ladder per review stage (at least one)."));
        }

        for (var i = 0; i < settings.StageLadders.Count; i++)
        {
            errors.AddRange(settings.StageLadders[i].Validate().Select(e => e.Under($"stageLadders[{i}]")));
        }
    }
}
