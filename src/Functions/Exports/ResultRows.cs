using GuanGong.Domain;
using System.Globalization;
using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Statistics;

namespace GuanGong.Functions.Exports;

/// <summary>
/// The rows of a results export: every grassroots unit under the scope's root (assessed or not, so
/// the gaps show) plus any other committee that has a case, in tree order, with Chinese labels and
/// China time, because the reader is a committee office with a spreadsheet.
/// </summary>
public static class ResultRows
{
    public static readonly IReadOnlyList<string> Header =
        ["单位编码", "单位名称", "所属乡镇（街道）", "类别", "状态", "自评得分", "最终得分", "结论", "是否超时移交", "办结时间"];

    public static IReadOnlyList<ResultRow> Build(CampaignScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var tree = scope.Tree;
        return
        [
            .. tree.Subtree(scope.Root)
                .Where(c => c.Code != scope.Root && (c.Level == CommitteeLevel.Grassroots || scope.LatestCases.ContainsKey(c.Code)))
                .Select(c => Row(tree, c, scope.LatestCases.GetValueOrDefault(c.Code))),
        ];
    }

    public static IReadOnlyList<string?> AsText(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return [row.UnitCode, row.UnitName, row.Township, row.Kind, row.Status, Number(row.SelfTotal), Number(row.FinalTotal), row.Verdict, row.Escalated ? "是" : "否", row.DecidedAt];
    }

    public static IReadOnlyList<XlsxFile.Cell> AsCells(ResultRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.UnitCode, row.UnitName, row.Township, row.Kind, row.Status,
            row.SelfTotal is { } self ? (double)self : (XlsxFile.Cell)string.Empty,
            row.FinalTotal is { } final ? (double)final : (XlsxFile.Cell)string.Empty,
            row.Verdict, row.Escalated ? "是" : "否", row.DecidedAt,
        ];
    }

    /// <summary>A submission's status in the documents' words (达标 / 未达标, never 通过), as pages and exports show it.</summary>
    public static string StatusName(CaseStatus? status) => status is { } s ? Wording.Status(s) : "未参评";

    private static ResultRow Row(OrganisationTree tree, Committee unit, CaseRecord? record)
    {
        var township = TownshipRule.TownshipOf(tree, unit.Code)?.Name ?? string.Empty;
        if (record is null)
        {
            return new ResultRow(unit.Code, unit.Name, township, Wording.KindName(unit.Kind), StatusName(null), null, null, string.Empty, false, string.Empty);
        }

        // The final score is the last reviewer's total; a verdict computed without one falls back to its own summary.
        var finalTotal = record.Outcomes.LastOrDefault(o => o.ReviewTotal is not null)?.ReviewTotal ?? record.Verdict?.Summary.Total;
        var escalated = record.State.Escalated || (record.Task?.Escalated ?? false) || record.Outcomes.Any(o => o.Escalated);
        var decidedAt = record.State.IsDecided ? record.Outcomes.LastOrDefault()?.At ?? record.UpdatedAt : (DateTimeOffset?)null;
        return new ResultRow(
            unit.Code,
            unit.Name,
            township,
            Wording.KindName(unit.Kind),
            StatusName(record.State.Status),
            record.SelfSummary.Total,
            finalTotal,
            record.Verdict is null ? string.Empty : record.Verdict.Passed ? Wording.Passed : Wording.NotPassed,
            escalated,
            decidedAt is { } at ? at.ToOffset(Domain.Deadlines.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty);
    }

    private static string Number(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? string.Empty;
}
