using System.Globalization;
using GuanGong.Domain;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Pages;

/// <summary>
/// The self-assessment form as posted: raw field values (what a draft keeps and the page shows back)
/// and, read from them, the score sheet and the self-inspection report. Field names: <c>pre_{id}</c>
/// (yes/no), <c>score_{itemId}</c>, <c>note_{itemId}</c>, <c>bonus_{id}</c>, <c>bonusnote_{id}</c>, and
/// the report's <see cref="ReportFields"/>. Errors are keyed by the field they belong to, so each
/// message appears next to its input; the domain's paths (<c>items[3].score</c>) are mapped back.
/// </summary>
public sealed class UnitForm
{
    public static readonly IReadOnlyList<(string Field, string Label, string Hint)> ReportFields =
    [
        ("partySupport", "党委支持情况", "党委（党组）如何重视、支持关工委工作"),
        ("ownBuildUp", "自身建设情况", "班子、队伍、制度、阵地等建设情况"),
        ("departmentCooperation", "部门配合情况", "有关部门如何配合开展工作"),
        ("results", "工作成效", "开展了哪些活动，取得了什么成效"),
        ("mainProblems", "主要问题", "存在的主要问题和下一步打算"),
    ];

    private readonly List<string> _itemOrder = [];
    private readonly List<string> _preconditionOrder = [];
    private readonly List<string> _bonusOrder = [];
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    private UnitForm(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    public ScoreSheet? Sheet { get; private set; }

    public SelfInspectionReport Report { get; private set; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool HasErrors => _errors.Count > 0 || _general.Count > 0;

    /// <summary>Messages that belong to no single field (shown at the top).</summary>
    public IReadOnlyList<string> GeneralErrors => _general;

    public string Value(string field) => Values.GetValueOrDefault(field) ?? string.Empty;

    public IReadOnlyList<string> ErrorsFor(string field) => _errors.GetValueOrDefault(field) ?? [];

    public IEnumerable<(string Field, string Message)> AllErrors =>
        _errors.SelectMany(e => e.Value.Select(m => (e.Key, m))).Concat(_general.Select(m => (string.Empty, m)));

    /// <summary>A form showing saved values (a draft, or the previous submission), with no errors.</summary>
    public static UnitForm FromValues(IReadOnlyDictionary<string, string> values) => new(values);

    /// <summary>The values a submitted case held, so a unit returned for rectification starts from what it sent.</summary>
    public static Dictionary<string, string> ValuesOf(Submission submission)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in submission.SelfSheet.Preconditions)
        {
            values["pre_" + p.PreconditionId] = p.Met ? "yes" : "no";
        }

        foreach (var item in submission.SelfSheet.Items)
        {
            values["score_" + item.ItemId] = Decimals.Show(item.Score);
            values["note_" + item.ItemId] = item.Note ?? string.Empty;
        }

        foreach (var bonus in submission.SelfSheet.Bonus)
        {
            values["bonus_" + bonus.BonusItemId] = Decimals.Show(bonus.Points);
            values["bonusnote_" + bonus.BonusItemId] = bonus.Note ?? string.Empty;
        }

        var r = submission.Report;
        values["partySupport"] = r.PartySupport;
        values["ownBuildUp"] = r.OwnBuildUp;
        values["departmentCooperation"] = r.DepartmentCooperation;
        values["results"] = r.Results;
        values["mainProblems"] = r.MainProblems;
        return values;
    }

    /// <summary>The longest value a score box may hold ("7.5" is three characters).</summary>
    public const int MaxNumberLength = 16;

    /// <summary>
    /// What a posted form (a draft or a submission) may carry: only this form's own fields — the nonce
    /// and, for each field of <paramref name="template"/>, its one value within the field's limit. A draft
    /// is kept as posted, so anything else (a thousand junk fields, a megabyte in a score box) would be
    /// stored and shown back. The first problem found is returned, in words for the page; null when the form is fine.
    /// </summary>
    public static string? CheckPosted(IFormCollection form, StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(template);
        var limits = new Dictionary<string, (string Label, int Max)>(StringComparer.Ordinal) { ["formNonce"] = ("页面标记", 512) };
        foreach (var precondition in template.Preconditions)
        {
            limits["pre_" + precondition.Id] = (precondition.Name, 3);
        }

        foreach (var item in template.AllItems)
        {
            limits["score_" + item.Id] = (item.Name + "的得分", MaxNumberLength);
            limits["note_" + item.Id] = (item.Name + "的备注", ScoreSheetValidator.MaxTextLength);
        }

        foreach (var bonus in template.Bonus?.Items ?? [])
        {
            limits["bonus_" + bonus.Id] = (bonus.Name + "的加分", MaxNumberLength);
            limits["bonusnote_" + bonus.Id] = (bonus.Name + "的加分说明", ScoreSheetValidator.MaxTextLength);
        }

        foreach (var (field, label, _) in ReportFields)
        {
            limits[field] = (label, SelfInspectionReport.MaxFieldLength);
        }

        foreach (var (name, value) in form)
        {
            if (!limits.TryGetValue(name, out var limit) || value.Count > 1)
            {
                return "表单中有本页面没有的内容，无法保存。请重新打开邮件中的链接后再填写。";
            }

            if (value.ToString().Trim().Length > limit.Max)
            {
                return $"“{limit.Label}”不能超过 {limit.Max} 个字，请删减后再保存。";
            }
        }

        return null;
    }

    /// <summary>Reads a posted form against the campaign's pinned template: blanks and bad numbers are reported here, the rest by the domain's validator.</summary>
    public static UnitForm Read(IFormCollection form, StandardTemplate template, TemplatePin pin)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(template);
        var values = form.Where(f => f.Key is not "formNonce").ToDictionary(f => f.Key, f => f.Value.ToString().Trim(), StringComparer.Ordinal);
        var result = new UnitForm(values);
        var preconditions = new List<PreconditionAnswer>();
        foreach (var precondition in template.Preconditions)
        {
            switch (values.GetValueOrDefault("pre_" + precondition.Id))
            {
                case "yes":
                case "no":
                    result._preconditionOrder.Add(precondition.Id);
                    preconditions.Add(new PreconditionAnswer(precondition.Id, values["pre_" + precondition.Id] == "yes"));
                    break;
                default:
                    result.Add("pre_" + precondition.Id, "请选择“是”或“否”。");
                    break;
            }
        }

        var items = new List<ItemScore>();
        foreach (var item in template.AllItems)
        {
            var field = "score_" + item.Id;
            var text = values.GetValueOrDefault(field) ?? string.Empty;
            if (text.Length == 0)
            {
                result.Add(field, "请填写自评得分。");
                continue;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var score))
            {
                result.Add(field, "请填写数字，例如 8 或 7.5。");
                continue;
            }

            result._itemOrder.Add(item.Id);
            items.Add(new ItemScore(item.Id, score, NullIfEmpty(values.GetValueOrDefault("note_" + item.Id))));
        }

        var bonus = new List<BonusScore>();
        foreach (var bonusItem in template.Bonus?.Items ?? [])
        {
            var field = "bonus_" + bonusItem.Id;
            var text = values.GetValueOrDefault(field) ?? string.Empty;
            if (text.Length == 0 || text == "0")
            {
                continue;
            }

            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var points))
            {
                result.Add(field, "请填写数字，例如 1 或 0.5。");
                continue;
            }

            result._bonusOrder.Add(bonusItem.Id);
            bonus.Add(new BonusScore(bonusItem.Id, points, NullIfEmpty(values.GetValueOrDefault("bonusnote_" + bonusItem.Id))));
        }

        result.Sheet = new ScoreSheet(ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.SelfAssessment, pin, preconditions, items, bonus);
        result.Report = new SelfInspectionReport(
            values.GetValueOrDefault("partySupport") ?? string.Empty, values.GetValueOrDefault("ownBuildUp") ?? string.Empty,
            values.GetValueOrDefault("departmentCooperation") ?? string.Empty, values.GetValueOrDefault("results") ?? string.Empty,
            values.GetValueOrDefault("mainProblems") ?? string.Empty);
        return result;
    }

    /// <summary>Puts the domain's errors (paths like <c>selfAssessment.items[3].score</c> or <c>report.results</c>) next to their fields.</summary>
    public void AddDomainErrors(IEnumerable<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var path = error.Path.StartsWith("selfAssessment.", StringComparison.Ordinal) ? error.Path["selfAssessment.".Length..] : error.Path;
            var field = FieldOf(path);
            if (field is null)
            {
                _general.Add(error.MessageZh);
            }
            else if (!ErrorsFor(field).Contains(error.MessageZh))
            {
                Add(field, error.MessageZh);
            }
        }
    }

    private string? FieldOf(string path)
    {
        if (path.StartsWith("report.", StringComparison.Ordinal))
        {
            return path["report.".Length..];
        }

        foreach (var (prefix, order, field) in new[] { ("items[", _itemOrder, "score_"), ("preconditions[", _preconditionOrder, "pre_"), ("bonus[", _bonusOrder, "bonus_") })
        {
            if (path.StartsWith(prefix, StringComparison.Ordinal))
            {
                var close = path.IndexOf(']', StringComparison.Ordinal);
                // A note's error belongs beside the note's own box, not the score's.
                var named = path.EndsWith("].note", StringComparison.Ordinal) ? field switch { "score_" => "note_", "bonus_" => "bonusnote_", _ => field } : field;
                return close > prefix.Length && int.TryParse(path.AsSpan(prefix.Length, close - prefix.Length), CultureInfo.InvariantCulture, out var index) && index < order.Count
                    ? named + order[index]
                    : null;
            }
        }

        return null;
    }

    private void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
