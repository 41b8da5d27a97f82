using System.Text;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;
using GuanGong.LocalStack.Mail;

namespace GuanGong.Testing.App;

/// <summary>
/// A small county to run cases through: city → county → two townships (T1 with villages, T2 with a
/// school), reviewers and fallbacks at each level, and a 2026–2028 campaign organised by the county.
/// </summary>
public static class SampleCounty
{
    public const string CampaignId = "wx2026";

    public const int Year = 2026;

    public static readonly StandardTemplate Template = TemplateLoader.GetEmbedded("five-good-a");

    public static string Csv(int villages = 2) => new StringBuilder()
        .AppendLine("code,name,level,kind,parent_code,reviewers,fallback_reviewer")
        .AppendLine("C0,示范市关工委,city,city,,市审核<city@example.cn>,")
        .AppendLine("X1,示范县关工委,county,county,C0,县审核员<county@example.cn>,县后备<county-backup@example.cn>")
        .AppendLine("T1,城关镇关工委,township,township,X1,镇审核员<town@example.cn>,镇后备<town-backup@example.cn>")
        .Append(string.Concat(Enumerable.Range(1, villages).Select(i => $"V{i},第{i}村关工委,grassroots,village,T1,村联系人{i}<village{i}@example.cn>,\n")))
        .AppendLine("T2,东风镇关工委,township,township,X1,东风审核员<east@example.cn>,")
        .AppendLine("E1,东风小学关工委,grassroots,school,T2,小学联系人<school@example.cn>,")
        .ToString();

    public static CampaignSettings Campaign(EscalationLadder? ladder = null) => new(
        CampaignSettings.CurrentSchemaVersion, CampaignId, "2026年度五好基层关工委创建", "X1", 2026, 2028, Template.Pin(),
        [new YearTarget(2026, new Percentage(60)), new YearTarget(2028, new Percentage(80))], [], 2,
        [ladder ?? EscalationLadder.Default], new Percentage(10), new Percentage(50));

    /// <summary>A self-assessment with full marks, less <paramref name="shortfall"/> on the first item; every item's remark is <paramref name="remark"/>.</summary>
    public static ScoreSheet SelfSheet(decimal shortfall = 0, string? remark = null) => new(
        ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.SelfAssessment, Template.Pin(),
        [.. Template.Preconditions.Select(p => new PreconditionAnswer(p.Id, true, null))],
        [.. Template.AllItems.Select((item, i) => new ItemScore(item.Id, i == 0 ? item.Points - shortfall : item.Points, remark ?? "台账齐全", null, null))],
        []);

    /// <summary>A complete self-inspection report; <paramref name="extra"/> is added to four of its fields.</summary>
    public static SelfInspectionReport Report(string extra = "") =>
        new("镇党委每季度听取关工委汇报。" + extra, "班子健全，五老队伍 32 人。" + extra, "教育、民政等部门配合开展活动。", "全年开展活动 24 次。" + extra, "经费不足，五老年龄偏大。" + extra);

    public static string CaseId(string unit) => CaseIds.For(CampaignId, Year, unit);

    /// <summary>An emailed link's path and query (to open it on the app under test).</summary>
    public static string PathOf(string link) => new Uri(link).PathAndQuery;

    /// <summary>The token of an emailed link: its last path segment.</summary>
    public static string TokenOf(string link) => new Uri(link).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    /// <summary>The mail's first link whose path starts with <paramref name="pathPrefix"/> (<c>/u/</c>, <c>/r/</c>).</summary>
    public static string LinkWith(this MailFile mail, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.Links.First(l => new Uri(l).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
    }
}
