using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>The campaign-year functions of issue 15 as the tests call them, with the admin key unless told.</summary>
internal static class CampaignApi
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(this RunningApp app, HttpMethod method, string path, object? body = null, string? adminKey = RunningApp.AdminKey, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? DomainJson.Serialize(body), Encoding.UTF8, "application/json");
        }

        if (adminKey is not null)
        {
            request.Headers.Add("X-Admin-Key", adminKey);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        using var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Imports the sample county (optionally without its city), creates <paramref name="campaign"/>; launches nothing.</summary>
    public static async Task CreateAsync(this RunningApp app, CampaignSettings campaign, int villages = 2, bool withCity = true)
    {
        var csv = SampleCounty.Csv(villages);
        if (!withCity)
        {
            csv = string.Join('\n', csv.Split('\n').Where(l => !l.StartsWith("C0,", StringComparison.Ordinal)).Select(l => l.Replace(",county,county,C0,", ",county,county,,", StringComparison.Ordinal)));
        }

        (await app.AdminPostAsync("/api/admin/committees", csv, "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(campaign))).EnsureSuccessStatusCode();
    }

    public static async Task<JsonElement> LaunchAsync(this RunningApp app, int year, string campaignId = SampleCounty.CampaignId)
    {
        var (status, body) = await app.SendAsync(HttpMethod.Post, $"/api/admin/campaigns/{campaignId}/launch", $$"""{"year":{{year}}}""");
        Assert.True(status == HttpStatusCode.Accepted, $"{status}: {body}");
        return body;
    }

    public static async Task<JsonElement> StatisticsAsync(this RunningApp app, int year, string campaignId = SampleCounty.CampaignId)
    {
        var (status, body) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{campaignId}/statistics?year={year}");
        Assert.Equal(HttpStatusCode.OK, status);
        return body;
    }

    /// <summary>The unit codes the launch left out, with their reasons.</summary>
    public static Dictionary<string, string> NotInvited(JsonElement launch) =>
        launch.GetProperty("notInvited").EnumerateArray().ToDictionary(e => e.GetProperty("unitCode").GetString()!, e => e.GetProperty("reason").GetString()!);

    /// <summary>The sample county's village <paramref name="village"/> submits with its invitation of <paramref name="year"/> and passes its township and the county.</summary>
    public static async Task<string> PassVillageAsync(this RunningApp app, SmtpSink smtp, int village, int year) =>
        await app.PassAsync(smtp, await smtp.InvitationTokenAsync($"village{village}@example.cn", year), $"第{village}村", "town@example.cn", "county@example.cn");

    /// <summary>Submits with the unit's link and passes the case through every reviewer named, by the emailed links.</summary>
    public static async Task<string> PassAsync(this RunningApp app, SmtpSink smtp, string unitToken, string unitName, params string[] reviewers)
    {
        using var submitted = await app.SubmitAsync(unitToken);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        var caseId = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("caseId").GetString()!;
        var number = await app.ReceiptNumberAsync(caseId);
        foreach (var reviewer in reviewers)
        {
            var task = await smtp.WaitForAsync(m => m.To.Contains(reviewer) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && m.Subject.Contains(unitName, StringComparison.Ordinal) && m.Body.Contains(number, StringComparison.Ordinal));
            (await app.DecideAsync(task.LinkWith("/r/"), "Approve", "同意。")).EnsureSuccessStatusCode();
        }

        await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "Passed");
        return caseId;
    }

    /// <summary>The invitation of <paramref name="contact"/> for <paramref name="year"/>: its unit token.</summary>
    public static async Task<string> InvitationTokenAsync(this SmtpSink smtp, string contact, int year) =>
        SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains(contact) && m.Subject.StartsWith("请填报", StringComparison.Ordinal) && m.Subject.Contains($"{year}年度", StringComparison.Ordinal))).LinkWith("/u/"));
}
