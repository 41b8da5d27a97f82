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
using GuanGong.LocalStack.Mail;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// A small county to attack: city → county → two townships (T1 with villages, T2 with a school),
/// set up and driven over HTTP only.
/// </summary>
internal static class County
{
    public const string CampaignId = "wx2026";

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

    public static CampaignSettings Campaign() => new(
        CampaignSettings.CurrentSchemaVersion, CampaignId, "2026年度五好基层关工委创建", "X1", 2026, 2028, Template.Pin(),
        [new YearTarget(2026, new Percentage(60)), new YearTarget(2028, new Percentage(80))], [], 2,
        [EscalationLadder.Default], new Percentage(10), new Percentage(50));

    public static ScoreSheet SelfSheet(string? remark = null) => new(
        ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.SelfAssessment, Template.Pin(),
        [.. Template.Preconditions.Select(p => new PreconditionAnswer(p.Id, true, null))],
        [.. Template.AllItems.Select(item => new ItemScore(item.Id, item.Points, remark ?? "台账齐全", null, null))],
        []);

    public static SelfInspectionReport Report(string extra = "") =>
        new("镇党委每季度听取关工委汇报。" + extra, "班子健全，五老队伍 32 人。" + extra, "教育、民政等部门配合开展活动。", "全年开展活动 24 次。" + extra, "经费不足，五老年龄偏大。" + extra);

    public static string CaseId(string unit) => CaseIds.For(CampaignId, 2026, unit);

    public static string TokenOf(string link) => new Uri(link).AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries)[^1];

    /// <summary>The case id (subject) a signed link names, read from its payload without verifying it.</summary>
    public static string? SubjectOf(string token)
    {
        var payload = token.Split('.')[^2].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("c").GetString();
    }

    public static string LinkWith(this MailFile mail, string pathPrefix) =>
        mail.Links.First(l => new Uri(l).AbsolutePath.StartsWith(pathPrefix, StringComparison.Ordinal));

    public static async Task<HttpResponseMessage> AdminPostAsync(this ReliabilityApp app, string path, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", ReliabilityApp.AdminKey);
        return await app.Client.SendAsync(request);
    }

    /// <summary>Imports the county, creates the campaign and launches 2026 (invitations go to the SMTP sink).</summary>
    public static async Task SetUpAsync(this ReliabilityApp app, int villages = 2)
    {
        (await app.AdminPostAsync("/api/admin/committees", Csv(villages), "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(Campaign()))).EnsureSuccessStatusCode();
        (await app.AdminPostAsync($"/api/admin/campaigns/{CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();
    }

    /// <summary>The unit link token mailed to a unit's contact.</summary>
    public static async Task<string> UnitTokenAsync(this ReliabilityApp app, string contactEmail) =>
        TokenOf((await app.Smtp.WaitForAsync(m => m.To.Contains(contactEmail) && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)))).LinkWith("/u/"));

    public static async Task<HttpResponseMessage> SubmitAsync(this ReliabilityApp app, string unitToken, ScoreSheet? sheet = null, SelfInspectionReport? report = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, sheet ?? SelfSheet(), report ?? Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        return await app.Client.SendAsync(request);
    }

    public static async Task<JsonElement> CaseAsync(this ReliabilityApp app, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", ReliabilityApp.AdminKey);
        using var response = await app.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public static async Task<JsonElement> WaitForCaseAsync(this ReliabilityApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
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

    /// <summary>Uploads one ledger file for the first item of the template.</summary>
    public static async Task<HttpResponseMessage> UploadLedgerAsync(this ReliabilityApp app, string caseId, string bearer, string fileName, byte[] bytes, string? itemId = null)
    {
        var item = itemId ?? Template.AllItems.First().Id;
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{item}/ledgers", UriKind.Relative))
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Headers.Add("X-File-Name", Uri.EscapeDataString(fileName));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return await app.Client.SendAsync(request);
    }

    /// <summary>A tiny but genuine PDF whose text carries <paramref name="text"/>.</summary>
    public static byte[] Pdf(string text) => Encoding.UTF8.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% " + text + "\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}
