using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Scoring;

/// <summary>
/// Checks a submitted <see cref="ScoreSheet"/> against the pinned template. Every bad field is reported with its
/// path in the sheet, e.g. <c>items[3].score</c>, <c>items[3].deductionReason</c>, <c>preconditions[0]</c>, <c>bonus[1].points</c>.
/// Every precondition must be answered; every item must be scored unless a precondition is answered "no" (the gate
/// comes before scoring, so the reviewer may stop there).
/// </summary>
public static class ScoreSheetValidator
{
    /// <summary>The most decimal places a score may carry (half points and quarter points are fine, thirds are not).</summary>
    public const int MaxDecimalPlaces = 2;

    /// <summary>
    /// The longest note or deduction reason, in characters. A remark beside a score, not a report: the
    /// report's sections take the long text. With it a sheet of a few dozen items stays far below what
    /// one stored case may hold (its sheets, the reviewers' sheets and reasons together in one table row).
    /// </summary>
    public const int MaxTextLength = 500;

    /// <summary>The most entries of one list (items, preconditions, bonus, deductions) a sheet may hold: a few more than any template has.</summary>
    public const int MaxEntries = 200;

    /// <summary>Validates <paramref name="sheet"/> against <paramref name="template"/>; empty means valid.</summary>
    /// <param name="sheet">The submitted sheet.</param>
    /// <param name="template">The template the campaign pinned.</param>
    public static IReadOnlyList<ValidationError> Validate(ScoreSheet sheet, StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(template);
        var errors = new List<ValidationError>();
        if (sheet.SchemaVersion != ScoreSheet.CurrentSchemaVersion)
        {
            errors.Add(new("schemaVersion", "sheet.schema_unsupported", $"不支持的格式版本 {sheet.SchemaVersion}。", $"Schema version {sheet.SchemaVersion} is not supported."));
        }

        if (!sheet.Template.Matches(template))
        {
            errors.Add(new("template", "sheet.template_mismatch", "评分表与本次活动使用的标准版本不一致。", $"The sheet was filled against {sheet.Template.TemplateId} v{sheet.Template.Version}, not the pinned template."));
        }

        // A sheet with thousands of entries is refused whole: one error per entry would be an answer as large as the attack.
        foreach (var (path, count) in new[] { ("preconditions", sheet.Preconditions.Count), ("items", sheet.Items.Count), ("bonus", sheet.Bonus.Count) }
            .Concat(sheet.Items.Select((item, i) => ($"items[{i}].deductions", item.Deductions?.Count ?? 0))))
        {
            if (count > MaxEntries)
            {
                return [new(path, "sheet.too_many_entries", $"评分表中的条目太多（{count} 条）。", $"The sheet's {path} has {count} entries; at most {MaxEntries} are accepted.")];
            }
        }

        ValidateTexts(sheet, errors);
        ValidatePreconditions(sheet, template, errors);
        ValidateItems(sheet, template, errors);
        ValidateBonus(sheet, template, errors);
        return errors;
    }

    private static void ValidateTexts(ScoreSheet sheet, List<ValidationError> errors)
    {
        var texts = sheet.Preconditions.Select((p, i) => ($"preconditions[{i}].note", "说明", p.Note))
            .Concat(sheet.Items.SelectMany((item, i) => new[] { ($"items[{i}].note", "备注", item.Note), ($"items[{i}].deductionReason", "扣分理由", item.DeductionReason) }))
            .Concat(sheet.Bonus.Select((b, i) => ($"bonus[{i}].note", "加分说明", b.Note)));
        foreach (var (path, label, text) in texts)
        {
            if (text is { Length: > MaxTextLength })
            {
                errors.Add(new(path, "sheet.text_too_long", $"“{label}”不能超过 {MaxTextLength} 个字（现有 {text.Length} 个）。", $"The {path} has {text.Length} characters; at most {MaxTextLength} are accepted."));
            }
        }
    }

    private static void ValidatePreconditions(ScoreSheet sheet, StandardTemplate template, List<ValidationError> errors)
    {
        var known = template.Preconditions.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Preconditions.Count; i++)
        {
            var answer = sheet.Preconditions[i];
            var at = $"preconditions[{i}].preconditionId";
            if (!known.Contains(answer.PreconditionId))
            {
                errors.Add(new(at, "sheet.precondition_unknown", $"标准中没有前置条件“{answer.PreconditionId}”。", $"The template has no precondition '{answer.PreconditionId}'."));
            }
            else if (!seen.Add(answer.PreconditionId))
            {
                errors.Add(new(at, "sheet.precondition_duplicate", $"前置条件“{answer.PreconditionId}”重复填写。", $"The precondition '{answer.PreconditionId}' is answered twice."));
            }
        }

        foreach (var missing in template.Preconditions.Where(p => !seen.Contains(p.Id)))
        {
            errors.Add(new("preconditions", "sheet.precondition_missing", $"请回答前置条件“{missing.Name}”。", $"The precondition '{missing.Id}' is not answered."));
        }
    }

    private static void ValidateItems(ScoreSheet sheet, StandardTemplate template, List<ValidationError> errors)
    {
        var known = template.AllItems.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Items.Count; i++)
        {
            var score = sheet.Items[i];
            var at = $"items[{i}]";
            if (!known.TryGetValue(score.ItemId, out var item))
            {
                errors.Add(new($"{at}.itemId", "sheet.item_unknown", $"标准中没有评分项“{score.ItemId}”。", $"The template has no item '{score.ItemId}'."));
                continue;
            }

            if (!seen.Add(score.ItemId))
            {
                errors.Add(new($"{at}.itemId", "sheet.item_duplicate", $"评分项“{score.ItemId}”重复填写。", $"The item '{score.ItemId}' is scored twice."));
                continue;
            }

            ValidateItemScore(sheet.Role, score, item, at, errors);
        }

        // The gate comes before scoring: once a precondition is answered "no" the reviewer may stop, so unscored items are fine.
        if (sheet.Preconditions.Any(p => !p.Met))
        {
            return;
        }

        foreach (var missing in template.AllItems.Where(i => !seen.Contains(i.Id)))
        {
            errors.Add(new("items", "sheet.item_missing", $"评分项“{missing.Name}”未评分。", $"The item '{missing.Id}' is not scored."));
        }
    }

    private static void ValidateItemScore(ScoreSheetRole role, ItemScore score, ScoringItem item, string at, List<ValidationError> errors)
    {
        if (score.Score < 0 || score.Score > item.Points)
        {
            errors.Add(new($"{at}.score", "sheet.score_out_of_range", $"得分 {score.Score} 必须在 0 到 {item.Points} 分之间。", $"The score {score.Score} must be between 0 and {item.Points}."));
            return;
        }

        if (item.YesNo == true && score.Score != 0 && score.Score != item.Points)
        {
            errors.Add(new($"{at}.score", "sheet.yes_no_partial", $"“是/否”评分项只能得 {item.Points} 分或 0 分。", $"A yes/no item scores {item.Points} or 0, not {score.Score}."));
        }

        if (score.Score.Scale > MaxDecimalPlaces && decimal.Round(score.Score, MaxDecimalPlaces) != score.Score)
        {
            errors.Add(new($"{at}.score", "sheet.score_precision", "得分最多保留两位小数。", "A score may have at most two decimal places."));
        }

        var applied = score.Deductions ?? [];
        var deducted = 0m;
        for (var d = 0; d < applied.Count; d++)
        {
            var rule = item.Deductions.FirstOrDefault(r => r.Id == applied[d].RuleId);
            if (rule is null)
            {
                errors.Add(new($"{at}.deductions[{d}].ruleId", "sheet.deduction_unknown", $"该评分项没有扣分规则“{applied[d].RuleId}”。", $"The item has no deduction rule '{applied[d].RuleId}'."));
            }
            else if (applied.Take(d).Any(a => a.RuleId == rule.Id))
            {
                errors.Add(new($"{at}.deductions[{d}].ruleId", "sheet.deduction_duplicate", $"扣分规则“{rule.Id}”重复填写，请合并次数。", $"The deduction rule '{rule.Id}' is listed twice; add up the occurrences instead."));
            }
            else if (applied[d].Occurrences < 1)
            {
                errors.Add(new($"{at}.deductions[{d}].occurrences", "sheet.deduction_occurrences", "扣分次数至少为 1。", "The occurrences must be at least 1."));
            }
            else
            {
                deducted += rule.Deduct(applied[d].Occurrences, item.Points);
            }
        }

        if (applied.Count > 0 && score.Score != item.Points - Math.Min(deducted, item.Points))
        {
            var expected = item.Points - Math.Min(deducted, item.Points);
            errors.Add(new($"{at}.score", "sheet.score_does_not_match_deductions", $"按扣分规则应得 {expected} 分，填写的是 {score.Score} 分。", $"The deductions leave {expected} points, but the score is {score.Score}."));
        }

        if (role == ScoreSheetRole.Review && score.Score < item.Points && applied.Count == 0 && string.IsNullOrWhiteSpace(score.DeductionReason))
        {
            errors.Add(new($"{at}.deductionReason", "sheet.deduction_reason_missing", "扣分必须写明扣分理由。", "Points were deducted without a reason."));
        }
    }

    private static void ValidateBonus(ScoreSheet sheet, StandardTemplate template, List<ValidationError> errors)
    {
        var known = (template.Bonus?.Items ?? []).ToDictionary(b => b.Id, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < sheet.Bonus.Count; i++)
        {
            var bonus = sheet.Bonus[i];
            var at = $"bonus[{i}]";
            if (!known.TryGetValue(bonus.BonusItemId, out var item))
            {
                errors.Add(new($"{at}.bonusItemId", "sheet.bonus_unknown", $"标准中没有加分项“{bonus.BonusItemId}”。", $"The template has no bonus item '{bonus.BonusItemId}'."));
            }
            else if (!seen.Add(bonus.BonusItemId))
            {
                errors.Add(new($"{at}.bonusItemId", "sheet.bonus_duplicate", $"加分项“{bonus.BonusItemId}”重复填写。", $"The bonus item '{bonus.BonusItemId}' is claimed twice."));
            }
            else if (bonus.Points < 0 || bonus.Points > item.Points)
            {
                errors.Add(new($"{at}.points", "sheet.bonus_out_of_range", $"加分 {bonus.Points} 必须在 0 到 {item.Points} 分之间。", $"The bonus {bonus.Points} must be between 0 and {item.Points}."));
            }
        }
    }
}
