using System.Text.RegularExpressions;

namespace GuanGong.Domain.Standards;

/// <summary>
/// Checks a <see cref="StandardTemplate"/> before it is used or pinned: supported schema, non-empty names,
/// ids unique, points positive and adding up (items to their criterion, criteria to the total), the pass line
/// and per-criterion minimums in range, deduction rules and bonus caps within the item's points.
/// Every problem is reported with its path, e.g. <c>criteria[1].items[2].points</c>.
/// </summary>
public static partial class TemplateValidator
{
    /// <summary>Validates a template; an empty list means it is usable.</summary>
    /// <param name="template">The template.</param>
    public static IReadOnlyList<ValidationError> Validate(StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ValidationError>();
        var ids = new HashSet<string>(StringComparer.Ordinal);

        if (template.SchemaVersion is < StandardTemplate.OldestReadableSchemaVersion or > StandardTemplate.CurrentSchemaVersion)
        {
            errors.Add(Error("schemaVersion", "template.schema_unsupported", $"不支持的格式版本 {template.SchemaVersion}。", $"Schema version {template.SchemaVersion} is not supported."));
        }

        if (template.Id is null || !IdPattern().IsMatch(template.Id))
        {
            errors.Add(Error("id", "template.id_invalid", "标准编号只能包含小写字母、数字和连字符。", "The id must be lowercase letters, digits and hyphens."));
        }

        if (template.Version < 1)
        {
            errors.Add(Error("version", "template.version_invalid", "版本号必须大于等于 1。", "The version must be 1 or more."));
        }

        RequireName(template.Name, "name", errors);
        ValidatePreconditions(template, ids, errors);
        ValidateCriteria(template, ids, errors);
        ValidateTotals(template, errors);
        ValidateBonus(template, ids, errors);
        ValidateVersion2Members(template, errors);
        return errors;
    }

    private static void ValidatePreconditions(StandardTemplate template, HashSet<string> ids, List<ValidationError> errors)
    {
        for (var i = 0; i < template.Preconditions.Count; i++)
        {
            var p = template.Preconditions[i];
            var at = $"preconditions[{i}]";
            RequireId(p.Id, at, ids, errors);
            RequireName(p.Name, $"{at}.name", errors);
            RequireEvidence(p.Evidence, at, errors);
        }
    }

    private static void ValidateCriteria(StandardTemplate template, HashSet<string> ids, List<ValidationError> errors)
    {
        for (var c = 0; c < template.Criteria.Count; c++)
        {
            var criterion = template.Criteria[c];
            var at = $"criteria[{c}]";
            RequireId(criterion.Id, at, ids, errors);
            RequireName(criterion.Name, $"{at}.name", errors);
            RequirePositive(criterion.Points, $"{at}.points", errors);
            if (criterion.MinimumPoints is { } min && (min < 0 || min > criterion.Points))
            {
                errors.Add(Error($"{at}.minimumPoints", "template.minimum_out_of_range", $"最低分 {min} 必须在 0 到 {criterion.Points} 之间。", $"The minimum {min} must be between 0 and {criterion.Points}."));
            }

            if (criterion.Items.Count == 0)
            {
                errors.Add(Error($"{at}.items", "template.items_empty", "每个指标至少要有一个评分项。", "A criterion needs at least one item."));
                continue;
            }

            var sum = criterion.Items.Sum(i => i.Points);
            if (sum != criterion.Points)
            {
                errors.Add(Error($"{at}.points", "template.items_do_not_add_up", $"评分项合计 {sum} 分，与指标分值 {criterion.Points} 分不符。", $"The items add up to {sum}, not the criterion's {criterion.Points}."));
            }

            for (var i = 0; i < criterion.Items.Count; i++)
            {
                ValidateItem(criterion.Items[i], $"{at}.items[{i}]", ids, errors);
            }
        }
    }

    private static void ValidateItem(ScoringItem item, string at, HashSet<string> ids, List<ValidationError> errors)
    {
        RequireId(item.Id, at, ids, errors);
        RequireName(item.Name, $"{at}.name", errors);
        RequirePositive(item.Points, $"{at}.points", errors);
        RequireEvidence(item.Evidence, at, errors);
        var ruleIds = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < item.Deductions.Count; d++)
        {
            var rule = item.Deductions[d];
            var ruleAt = $"{at}.deductions[{d}]";
            RequireId(rule.Id, ruleAt, ruleIds, errors);
            RequireName(rule.Description, $"{ruleAt}.description", errors);
            if (rule.PointsPerOccurrence <= 0 || rule.PointsPerOccurrence > item.Points)
            {
                errors.Add(Error($"{ruleAt}.pointsPerOccurrence", "template.deduction_out_of_range", $"每次扣分必须大于 0 且不超过该项分值 {item.Points}。", $"The points per occurrence must be above 0 and at most the item's {item.Points}."));
            }

            if (rule.Cap is { } cap && (cap <= 0 || cap > item.Points))
            {
                errors.Add(Error($"{ruleAt}.cap", "template.deduction_cap_out_of_range", $"扣分上限必须大于 0 且不超过该项分值 {item.Points}。", $"The cap must be above 0 and at most the item's {item.Points}."));
            }
        }
    }

    private static void ValidateTotals(StandardTemplate template, List<ValidationError> errors)
    {
        if (template.Criteria.Count == 0)
        {
            // A preconditions-only template (五有): nothing to score, the gate is the whole standard.
            if (template.Preconditions.Count == 0)
            {
                errors.Add(Error("criteria", "template.empty", "标准既没有前置条件也没有评分指标。", "The template has neither preconditions nor criteria."));
            }

            if (template.TotalPoints != 0 || template.PassThreshold != 0)
            {
                errors.Add(Error("totalPoints", "template.total_without_criteria", "没有评分指标时，总分和达标分必须为 0。", "Without criteria the total and the pass threshold must be 0."));
            }

            return;
        }

        var sum = template.Criteria.Sum(c => c.Points);
        if (sum != template.TotalPoints)
        {
            errors.Add(Error("totalPoints", "template.criteria_do_not_add_up", $"各指标合计 {sum} 分，与总分 {template.TotalPoints} 分不符。", $"The criteria add up to {sum}, not the total of {template.TotalPoints}."));
        }

        if (template.PassThreshold <= 0 || template.PassThreshold > template.TotalPoints)
        {
            errors.Add(Error("passThreshold", "template.threshold_out_of_range", $"达标分必须大于 0 且不超过总分 {template.TotalPoints}。", $"The pass threshold must be above 0 and at most the total of {template.TotalPoints}."));
        }
    }

    private static void ValidateBonus(StandardTemplate template, HashSet<string> ids, List<ValidationError> errors)
    {
        if (template.Bonus is not { } bonus)
        {
            return;
        }

        RequirePositive(bonus.Cap, "bonus.cap", errors);
        if (bonus.Items.Count == 0)
        {
            errors.Add(Error("bonus.items", "template.bonus_empty", "加分项不能为空；没有加分项时请删除 bonus。", "The bonus has no items; remove the bonus section instead."));
        }

        for (var i = 0; i < bonus.Items.Count; i++)
        {
            var item = bonus.Items[i];
            var at = $"bonus.items[{i}]";
            RequireId(item.Id, at, ids, errors);
            RequireName(item.Name, $"{at}.name", errors);
            RequireEvidence(item.Evidence, at, errors);
            if (item.Points <= 0 || item.Points > bonus.Cap)
            {
                errors.Add(Error($"{at}.points", "template.bonus_points_out_of_range", $"加分必须大于 0 且不超过加分上限 {bonus.Cap}。", $"The bonus points must be above 0 and at most the cap of {bonus.Cap}."));
            }
        }
    }

    private static void ValidateVersion2Members(StandardTemplate template, List<ValidationError> errors)
    {
        var usesV2 = template.StandardName is not null || template.ExampleValues is not null || template.BasedOn is not null
            || template.AllItems.Any(i => i.YesNo is not null);
        if (usesV2 && template.SchemaVersion < 2)
        {
            errors.Add(Error("schemaVersion", "template.schema_too_old", "使用了第 2 版格式的字段，格式版本必须为 2。", "The template uses schema 2 members; its schemaVersion must be 2."));
        }

        if (template.StandardName is { } name && string.IsNullOrWhiteSpace(name))
        {
            errors.Add(Error("standardName", "template.name_missing", "标准简称不能为空白。", "The standard name is blank."));
        }

        for (var i = 0; i < (template.ExampleValues?.Count ?? 0); i++)
        {
            if (!ExamplePaths.Resolves(template, template.ExampleValues![i]))
            {
                errors.Add(Error($"exampleValues[{i}]", "template.example_path_unknown", $"示例标注“{template.ExampleValues[i]}”不对应标准中的任何数值。", $"The example path '{template.ExampleValues[i]}' names no value of the template."));
            }
        }

        foreach (var (c, i, item) in template.Criteria.SelectMany((c, ci) => c.Items.Select((item, ii) => (ci, ii, item))))
        {
            if (item.YesNo == true && item.Deductions.Count > 0)
            {
                errors.Add(Error($"criteria[{c}].items[{i}].deductions", "template.yes_no_with_deductions", "“是/否”评分项不设扣分规则：要么得满分，要么不得分。", "A yes/no item scores full points or 0; it has no deduction rules."));
            }
        }
    }

    private static void RequireId(string? id, string at, HashSet<string> ids, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            errors.Add(Error($"{at}.id", "template.id_missing", "编号不能为空。", "The id is missing."));
        }
        else if (!ids.Add(id))
        {
            errors.Add(Error($"{at}.id", "template.id_duplicate", $"编号“{id}”重复。", $"The id '{id}' is used more than once."));
        }
    }

    private static void RequireName(string? name, string path, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(Error(path, "template.name_missing", "名称不能为空。", "The name is missing."));
        }
    }

    private static void RequirePositive(decimal value, string path, List<ValidationError> errors)
    {
        if (value <= 0)
        {
            errors.Add(Error(path, "template.points_not_positive", "分值必须大于 0。", "The points must be above 0."));
        }
    }

    private static void RequireEvidence(IReadOnlyList<string> evidence, string at, List<ValidationError> errors)
    {
        if (evidence.Count == 0 || evidence.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(Error($"{at}.evidence", "template.evidence_missing", "必须写明佐证材料。", "The evidence that proves the item is missing."));
        }
    }

    private static ValidationError Error(string path, string code, string zh, string en) => new(path, code, zh, en);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
