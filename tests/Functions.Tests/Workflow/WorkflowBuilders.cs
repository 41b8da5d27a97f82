using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Submissions;
using GuanGong.Functions.Tests.Infrastructure;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>A small county to run cases through: city → county → township → villages and a school, with reviewers and fallbacks.</summary>
internal static class WorkflowBuilders
{
    public const string CampaignId = "wx2026";

    public static readonly StandardTemplate Template = TemplateLoader.GetEmbedded("five-good-a");

    public static string CountyCsv(int villages = 2) => new StringBuilder()
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

    public static ScoreSheet SelfSheet(decimal shortfall = 0) => new(
        ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.SelfAssessment, Template.Pin(),
        [.. Template.Preconditions.Select(p => new PreconditionAnswer(p.Id, true, null))],
        [.. Template.AllItems.Select((item, i) => new ItemScore(item.Id, i == 0 ? item.Points - shortfall : item.Points, "台账齐全", null, null))],
        []);

    public static SelfInspectionReport Report() => new("镇党委每季度听取关工委汇报。", "班子健全，五老队伍 32 人。", "教育、民政等部门配合开展活动。", "全年开展活动 24 次。", "经费不足，五老年龄偏大。");

    public static async Task<HttpResponseMessage> AdminPostAsync(this TestApp app, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", TestApp.AdminKey);
        return await app.Client.SendAsync(request);
    }

    /// <summary>Imports the county, creates the campaign and launches 2026; returns nothing, mail goes to the sink.</summary>
    public static async Task SetUpCountyAsync(this TestApp app, CampaignSettings? campaign = null, int villages = 2)
    {
        (await app.AdminPostAsync("/api/admin/committees", CountyCsv(villages), "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(campaign ?? Campaign()))).EnsureSuccessStatusCode();
        (await app.AdminPostAsync($"/api/admin/campaigns/{CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this TestApp app, string unitToken, ScoreSheet? sheet = null, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, sheet ?? SelfSheet(), Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await app.Client.SendAsync(request);
    }

    public static async Task<JsonElement> CaseAsync(this TestApp app, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", TestApp.AdminKey);
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<JsonElement> WaitForCaseAsync(this TestApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await app.CaseAsync(caseId);
            if (condition(state))
            {
                return state;
            }

            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"Case {caseId} did not reach the expected state: {state}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Takes a decision through the JSON decision function.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this TestApp app, string link, string action, string reason) =>
        await app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token = TokenOf(link), action = JsonNamingPolicy.CamelCase.ConvertName(action), reason }), Encoding.UTF8, "application/json"));

    public static string LinkWith(this GuanGong.LocalStack.Mail.MailFile mail, string pathPrefix) =>
        mail.Links.First(l => new Uri(l).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static string TokenOf(string link) => new Uri(link).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    public static string CaseId(string unit) => CaseIds.For(CampaignId, 2026, unit);
}
