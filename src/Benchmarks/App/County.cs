using System.Text;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Submissions;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The organisations and campaign the app benchmarks run on: a city, its counties, townships
/// under them and villages under those, each with a reviewer; a 2026–2028 campaign organised by
/// the city (or a county), and the full-marks submission the units send.
/// </summary>
public static class County
{
    public const string CampaignId = "bench2026";
    public const int Year = 2026;

    public static readonly StandardTemplate Template = TemplateLoader.GetEmbedded("five-good-a");

    /// <summary>City C0 → county X1 → township T1 → villages V1…Vn (the chain is T1 then X1).</summary>
    public static string Csv(int villages) => City(counties: 1, townshipsPerCounty: 1, villagesPerTownship: villages);

    /// <summary>City C0 → counties Xi → townships Xi-Tj → villages Xi-Tj-Vk.</summary>
    public static string City(int counties, int townshipsPerCounty, int villagesPerTownship)
    {
        var csv = new StringBuilder()
            .AppendLine("code,name,level,kind,parent_code,reviewers,fallback_reviewer")
            .AppendLine("C0,示范市关工委,city,city,,市审核<city@example.cn>,");
        for (var c = 1; c <= counties; c++)
        {
            var county = $"X{c}";
            csv.AppendLine($"{county},第{c}县关工委,county,county,C0,县审核员{c}<county{c}@example.cn>,县后备{c}<county{c}-backup@example.cn>");
            for (var t = 1; t <= townshipsPerCounty; t++)
            {
                var township = counties == 1 && townshipsPerCounty == 1 ? "T1" : $"{county}T{t}";
                csv.AppendLine($"{township},第{c}县第{t}镇关工委,township,township,{county},镇审核员{c}-{t}<town{c}-{t}@example.cn>,镇后备{c}-{t}<town{c}-{t}-backup@example.cn>");
                for (var v = 1; v <= villagesPerTownship; v++)
                {
                    var village = counties == 1 && townshipsPerCounty == 1 ? $"V{v}" : $"{township}V{v}";
                    csv.AppendLine($"{village},{township}第{v}村关工委,grassroots,village,{township},村联系人<{village.ToLowerInvariant()}@example.cn>,");
                }
            }
        }

        return csv.ToString();
    }

    public static string CampaignJson(string organiser = "X1") => DomainJson.Serialize(new CampaignSettings(
        CampaignSettings.CurrentSchemaVersion, CampaignId, "2026年度五好基层关工委创建（基准）", organiser, 2026, 2028, Template.Pin(),
        [new YearTarget(2026, new Percentage(60)), new YearTarget(2028, new Percentage(80))], [], 2,
        [EscalationLadder.Default], new Percentage(10), new Percentage(50)));

    public static ScoreSheet SelfSheet() => new(
        ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.SelfAssessment, Template.Pin(),
        [.. Template.Preconditions.Select(p => new PreconditionAnswer(p.Id, true, null))],
        [.. Template.AllItems.Select(item => new ItemScore(item.Id, item.Points, "台账齐全", null, null))],
        []);

    public static SelfInspectionReport Report() => new("镇党委每季度听取关工委汇报。", "班子健全，五老队伍 32 人。", "教育、民政等部门配合开展活动。", "全年开展活动 24 次。", "经费不足，五老年龄偏大。");

    public static string SubmissionJson() => DomainJson.Serialize(new SubmissionRequest(null, null, SelfSheet(), Report()));

    /// <summary>The same submission for a named unit, sent with the admin key (no unit link needed).</summary>
    public static string AdminSubmissionJson(string unitCode) => DomainJson.Serialize(new SubmissionRequest(unitCode, Year, SelfSheet(), Report()));

    public static string CaseId(string unitCode) => CaseIds.For(CampaignId, Year, unitCode);

    /// <summary>Imports the organisations and creates the campaign; launches it when asked (which mails every unit its link).</summary>
    public static async Task SetUpAsync(BenchApp app, string csv, string organiser, bool launch)
    {
        ArgumentNullException.ThrowIfNull(app);
        (await app.AdminPostAsync("/api/admin/committees", csv, "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", CampaignJson(organiser))).EnsureSuccessStatusCode();
        if (launch)
        {
            (await app.AdminPostAsync($"/api/admin/campaigns/{CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The token at the end of a link's path (a unit's /u/… or a reviewer's /r/…).</summary>
    public static string TokenOf(string link) => new Uri(link).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    public static string LinkWith(GuanGong.LocalStack.Mail.MailFile mail, string pathPrefix)
    {
        ArgumentNullException.ThrowIfNull(mail);
        return mail.Links.First(l => new Uri(l).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));
    }
}
