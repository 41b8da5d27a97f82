using System.Globalization;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Http;
using GuanGong.Functions.Statistics;
using static GuanGong.Functions.Pages.Html;

namespace GuanGong.Functions.Pages;

/// <summary>The dashboard's HTML: figures, charts (with the same numbers in a table beneath), delays, ratings, look-back, exports.</summary>
internal static class DashboardViews
{
    public const string SignOutForm = "<form method=\"post\" action=\"/d/logout\"><button type=\"submit\" class=\"secondary\">退出登录</button></form>";

    /// <summary>The cases whose workflow is stuck (<see cref="CaseHealth"/>), for the administrator to look into; empty when there are none.</summary>
    internal static string StuckSection(string campaignId, IEnumerable<CaseRecord> cases, DateTimeOffset now, string? linkToken)
    {
        var stuck = cases.Where(c => CaseHealth.IsStuck(c, now)).OrderBy(c => c.UpdatedAt).ToList();
        return stuck.Count == 0
            ? string.Empty
            : "<h2>系统处理异常</h2><p>以下申报提交后，系统处理已超过 1 小时仍未完成（某一步骤反复失败），审核人尚未收到任务。请联系系统管理员处理：</p><ul class=\"stuck\">"
                + string.Concat(stuck.Select(c => $"<li><a href=\"/d/{E(campaignId)}/cases/{E(Uri.EscapeDataString(c.CaseId))}{Q(linkToken, '?')}\">{E(c.UnitName)}</a>：{E(ChinaDates.When(c.UpdatedAt))} 提交，已等待 {(int)(now - c.UpdatedAt).TotalHours} 小时以上</li>"))
                + "</ul>";
    }

    public static string Dashboard(CampaignScope scope, CampaignStatistics statistics, Caller caller, string? linkToken, string exportToken, IReadOnlyList<Domain.Campaigns.TargetYearChange>? targetYearChanges = null, DateTimeOffset? now = null)
    {
        var id = Uri.EscapeDataString(statistics.CampaignId);
        var pass = statistics.PassRates;
        var html = new StringBuilder();
        html.Append(Crumbs(scope, caller, linkToken));
        html.Append($"<h1>{E(statistics.CampaignName)} · {E(Year(statistics.Year))}年度</h1>")
            .Append($"<p class=\"lead\">{E(statistics.RootName)}的创建进度。统计时间：{E(ChinaDates.When(statistics.GeneratedAt))}。</p>");
        html.Append("<div class=\"figures\">")
            .Append(Figure("应创建单位", pass.Established.ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("已参评", pass.Assessed.ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("已达标", pass.Passed.ToString(CultureInfo.InvariantCulture)))
            .Append(Figure("审核中", pass.InProgress.ToString(CultureInfo.InvariantCulture)))
            .Append(Figure(Wording.PassRate, pass.PassRate.Display))
            .Append(Figure($"{Wording.Coverage}（{Wording.CoverageAlternative}）", pass.Coverage.Display))
            .Append(pass.Target is { } target ? Figure($"目标（{E(target.Share)}%）", $"{target.Passed}/{target.Required}") : string.Empty)
            .Append("</div>")
            .Append($"<p class=\"note\">{E(Wording.PassRateDefinition)}；{E(Wording.CoverageDefinition)}。各年度累计计算：往年已达标的单位继续计为达标，抽查复核撤销的除外。</p>");
        if (pass.Target is { } goal)
        {
            html.Append(goal.Met
                ? "<p class=\"notice ok\">已完成本年度目标。</p>"
                : $"<p class=\"notice\">距本年度目标还差 <strong>{goal.Shortfall}</strong> 个单位达标。</p>");
        }

        var children = pass.Children;
        html.Append("<h2>各下级达标情况</h2>");
        if (children.Count > 0)
        {
            var chartData = JsonSerializer.Serialize(new
            {
                names = children.Select(c => c.Name),
                established = children.Select(c => c.Established),
                assessed = children.Select(c => c.Assessed),
                passed = children.Select(c => c.Passed),
                required = children.Select(c => c.Target?.Required),
                passRate = children.Select(c => c.PassedOfAssessed.Percent),
                establishedRate = children.Select(c => c.PassedOfEstablished.Percent),
                targetShare = pass.Target?.Share,
            });
            html.Append($"<script type=\"application/json\" id=\"dashboard-data\">{chartData}</script>")
                .Append("<div id=\"chart-counts\" class=\"chart\" role=\"img\" aria-label=\"各下级应创建、已参评、已达标单位数的柱状图，数字见下表\"></div>")
                .Append("<div id=\"chart-rates\" class=\"chart\" role=\"img\" aria-label=\"各下级达标率和达标面的柱状图，数字见下表\"></div>");
        }

        html.Append("<div class=\"table-wrap\"><table><caption class=\"sr-only\">各下级达标情况</caption><thead><tr><th scope=\"col\">关工委</th><th scope=\"col\">应创建</th><th scope=\"col\">组建率</th><th scope=\"col\">已参评</th><th scope=\"col\">已达标</th><th scope=\"col\">审核中</th><th scope=\"col\">达标率</th><th scope=\"col\">达标面</th><th scope=\"col\">目标</th></tr></thead><tbody>");
        foreach (var child in children)
        {
            var name = scope.LatestCases.TryGetValue(child.Code, out var unitCase)
                ? $"<a href=\"/d/{E(id)}/cases/{E(Uri.EscapeDataString(unitCase.CaseId))}{Q(linkToken, '?')}\">{E(child.Name)}</a>"
                : child.Children.Count > 0 ? $"<a href=\"/d/{E(id)}?root={E(Uri.EscapeDataString(child.Code))}&amp;year={E(Year(statistics.Year))}{Q(linkToken, '&')}\">{E(child.Name)}</a>" : E(child.Name);
            html.Append($"<tr><th scope=\"row\">{name}</th><td>{child.Established}</td><td>{(child.Children.Count > 0 ? E(child.EstablishmentRate?.Display ?? "—") : "—")}</td><td>{child.Assessed}</td><td>{child.Passed}</td><td>{child.InProgress}</td><td>{E(child.PassRate.Display)}</td><td>{E(child.Coverage.Display)}</td><td>{(child.Target is { } t ? $"{t.Passed}/{t.Required}{(t.Met ? "（已达成）" : string.Empty)}" : "—")}</td></tr>");
        }

        html.Append("</tbody></table></div>");
        html.Append($"<p>{E(Year(statistics.TargetYear.Year))}年应参评 {statistics.TargetYear.UnitsDue} 个单位，已达标 {statistics.TargetYear.UnitsDuePassed} 个（{E(statistics.TargetYear.PassedOfDue.Display)}）。</p>");

        if (statistics.ByKind.Count > 0)
        {
            html.Append("<h2>分类达标情况</h2><div class=\"table-wrap\"><table><caption class=\"sr-only\">按单位类别的达标情况</caption><thead><tr><th scope=\"col\">类别</th><th scope=\"col\">应建</th><th scope=\"col\">已建</th><th scope=\"col\">组建率</th><th scope=\"col\">参评</th><th scope=\"col\">通过</th><th scope=\"col\">达标率</th><th scope=\"col\">达标面</th><th scope=\"col\">分类目标</th></tr></thead><tbody>");
            foreach (var kind in statistics.ByKind)
            {
                html.Append($"<tr><th scope=\"row\">{E(kind.KindName)}</th><td>{kind.ShouldEstablish}</td><td>{kind.Established}</td><td>{E(kind.EstablishmentRate?.Display ?? "—")}</td><td>{kind.Assessed}</td><td>{kind.Passed}</td><td>{E(kind.PassRate.Display)}</td><td>{E(kind.Coverage.Display)}</td><td>{(kind.Target is { } t ? $"{t.Passed}/{t.Required}（{E(t.Share)}%）{(t.Met ? "已达成" : string.Empty)}" : "—")}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        html.Append($"<h2>逾期和滞留的申报</h2><p>“滞留”指在同一级停留超过 {statistics.StuckAfterWorkingDays} 个工作日。</p>");
        var delays = statistics.Delays.Where(d => d.WithReviewer > 0 || d.LateCaseIds.Count > 0 || d.StuckCaseIds.Count > 0).ToList();
        if (delays.Count == 0)
        {
            html.Append("<p>目前没有逾期或滞留的申报。</p>");
        }
        else
        {
            html.Append("<div class=\"table-wrap\"><table><caption class=\"sr-only\">各级逾期和滞留申报</caption><thead><tr><th scope=\"col\">办理级别</th><th scope=\"col\">在办</th><th scope=\"col\">已逾期</th><th scope=\"col\">滞留</th></tr></thead><tbody>");
            foreach (var level in delays)
            {
                html.Append($"<tr><th scope=\"row\">{E(LevelName(level.Level))}</th><td>{level.WithReviewer}</td><td>{CaseLinks(id, level.LateCaseIds, linkToken)}</td><td>{CaseLinks(id, level.StuckCaseIds, linkToken)}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (statistics.TownshipRatings.Count > 0)
        {
            html.Append("<h2>乡镇评定</h2><div class=\"table-wrap\"><table><caption class=\"sr-only\">乡镇评定结果</caption><thead><tr><th scope=\"col\">乡镇</th><th scope=\"col\">结果</th><th scope=\"col\">下属单位达标</th><th scope=\"col\">计入的单位类别</th><th scope=\"col\">说明</th></tr></thead><tbody>");
            foreach (var rating in statistics.TownshipRatings)
            {
                html.Append($"<tr><th scope=\"row\">{E(rating.TownshipName)}</th><td>{(rating.Rated ? Wording.Passed : Wording.NotPassed)}</td><td>{rating.UnitsPassed}/{rating.UnitsTotal}（需 {rating.UnitsRequired}）</td><td>{E(rating.CountedKindsText)}</td><td>{E(string.Join("；", rating.Reasons.Select(r => r.Split(" / ")[0])))}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        if (now is { } at)
        {
            html.Append(StuckSection(id, scope.LatestCases.Values, at, linkToken));
        }

        var revoked = scope.LatestCases.Values.Where(c => c.State.Status == CaseStatus.Revoked).OrderBy(c => c.UnitName, StringComparer.Ordinal).ToList();
        html.Append("<h2>抽查复核结果</h2>")
            .Append(revoked.Count == 0
                ? "<p>本年度暂无抽查复核撤销的单位。</p>"
                : "<ul>" + string.Concat(revoked.Select(c => $"<li><a href=\"/d/{E(id)}/cases/{E(Uri.EscapeDataString(c.CaseId))}{Q(linkToken, '?')}\">{E(c.UnitName)}</a>：复核后撤销</li>")) + "</ul>");
        html.Append($"<p><a href=\"/d/{E(id)}/lookback?year={E(Year(statistics.Year))}{Q(linkToken, '&')}\">回头看抽查和表彰命名</a></p>");

        if (targetYearChanges is { Count: > 0 })
        {
            html.Append("<h2>预达标年度调整记录</h2><div class=\"table-wrap\"><table><caption class=\"sr-only\">预达标年度调整记录</caption><thead><tr><th scope=\"col\">单位</th><th scope=\"col\">原年度</th><th scope=\"col\">调整为</th><th scope=\"col\">理由</th><th scope=\"col\">调整人</th><th scope=\"col\">时间</th></tr></thead><tbody>");
            foreach (var change in targetYearChanges)
            {
                html.Append($"<tr><th scope=\"row\">{E(scope.Tree.Find(change.UnitCode)?.Name ?? change.UnitCode)}</th><td>{(change.FromYear is { } from ? E(Year(from)) : "未定")}</td><td>{(change.ToYear is { } to ? E(Year(to)) : "未定")}</td><td>{E(change.Reason)}</td><td>{E(change.ChangedBy)}</td><td>{E(ChinaDates.When(change.ChangedAt))}</td></tr>");
            }

            html.Append("</tbody></table></div>");
        }

        var exportQuery = $"root={E(Uri.EscapeDataString(scope.Root))}&amp;year={E(Year(statistics.Year))}&amp;t={E(Uri.EscapeDataString(exportToken))}";
        html.Append("<h2>导出</h2><p>")
            .Append($"<a class=\"button\" href=\"/api/campaigns/{E(id)}/results.xlsx?{exportQuery}\" download>导出 Excel</a>")
            .Append($"<a class=\"button secondary\" href=\"/api/campaigns/{E(id)}/results.csv?{exportQuery}\" download>导出 CSV</a></p>");
        if (caller is AdminCaller && linkToken is null)
        {
            html.Append($"<h2>活动设置</h2><p><a href=\"/d/{E(id)}/numbers\">分值、达标线和乡镇达标比例</a></p>");
            html.Append(SignOutForm);
        }

        return html.ToString();
    }

    private static string Crumbs(CampaignScope scope, Caller caller, string? linkToken)
    {
        var parent = scope.Tree.Parent(scope.Root);
        return parent is not null && Access.MayRead(caller, scope.Tree, parent.Code)
            ? $"<nav class=\"crumbs\" aria-label=\"位置\"><a href=\"/d/{E(Uri.EscapeDataString(scope.Campaign.Settings.Id))}?root={E(Uri.EscapeDataString(parent.Code))}&amp;year={E(Year(scope.Year))}{Q(linkToken, '&')}\">返回{E(parent.Name)}</a></nav>"
            : string.Empty;
    }

    private static string CaseLinks(string campaignId, IReadOnlyList<string> caseIds, string? linkToken) =>
        caseIds.Count == 0 ? "0" : $"{caseIds.Count}：" + string.Join("、", caseIds.Select(c => $"<a href=\"/d/{E(campaignId)}/cases/{E(Uri.EscapeDataString(c))}{Q(linkToken, '?')}\">{E(CaseNumbers.For(c))}</a>"));

    private static string Figure(string label, string value) => $"<div class=\"figure\"><span class=\"n\">{E(value)}</span>{label}</div>";

    private static string LevelName(string level) => level switch
    {
        "city" => "市级",
        "county" => "县级",
        "township" => "乡镇级",
        "grassroots" => "基层",
        _ => level,
    };

    private static string Q(string? linkToken, char separator) =>
        linkToken is { Length: > 0 } ? (separator == '&' ? "&amp;" : "?") + "t=" + E(Uri.EscapeDataString(linkToken)) : string.Empty;

    private static string Year(int year) => year.ToString(CultureInfo.InvariantCulture);
}
