using System.Text;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>A small county for the pages: city → county → township → three villages, each level with a reviewer.</summary>
public static class County
{
    public const string CampaignId = "e2e2026";

    public static readonly StandardTemplate Template = TemplateLoader.GetEmbedded("five-good-a");

    public static string Csv() => new StringBuilder()
        .AppendLine("code,name,level,kind,parent_code,reviewers,fallback_reviewer")
        .AppendLine("C0,示范市关工委,city,city,,市审核<city@example.cn>,")
        .AppendLine("X1,示范县关工委,county,county,C0,县审核员<county@example.cn>,县后备<county-backup@example.cn>")
        .AppendLine("T1,城关镇关工委,township,township,X1,镇审核员<town@example.cn>,镇后备<town-backup@example.cn>")
        .AppendLine("V1,第1村关工委,grassroots,village,T1,村联系人1<village1@example.cn>,")
        .AppendLine("V2,第2村关工委,grassroots,village,T1,村联系人2<village2@example.cn>,")
        .AppendLine("V3,第3村关工委,grassroots,village,T1,村联系人3<village3@example.cn>,")
        .ToString();

    public static CampaignSettings Campaign() => new(
        CampaignSettings.CurrentSchemaVersion, CampaignId, "2026年度五好基层关工委创建", "X1", 2026, 2028, Template.Pin(),
        [new YearTarget(2026, new Percentage(60)), new YearTarget(2028, new Percentage(80))], [], 2,
        [EscalationLadder.Default], new Percentage(10), new Percentage(50));

    public static async Task SetUpAsync(PagesApp app)
    {
        await app.AdminPostAsync("/api/admin/committees", Csv(), "text/csv");
        await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(Campaign()));
        await app.AdminPostAsync($"/api/admin/campaigns/{CampaignId}/launch", """{"year":2026}""");
    }

    public static string CaseId(string unit) => CaseIds.For(CampaignId, 2026, unit);

    public static string PathOf(string link) => new Uri(link).PathAndQuery;
}
