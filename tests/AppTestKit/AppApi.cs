using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Submissions;

namespace GuanGong.Testing.App;

/// <summary>The app's HTTP functions as the tests call them, on any client pointed at a running app.</summary>
public static class AppApi
{
    public static async Task<HttpResponseMessage> AdminPostAsync(this HttpClient client, string adminKey, string path, string body, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", adminKey);
        return await client.SendAsync(request);
    }

    /// <summary>Imports <see cref="SampleCounty"/>, creates the campaign and launches 2026 (the invitations go out in the background).</summary>
    public static async Task SetUpCountyAsync(this HttpClient client, string adminKey, CampaignSettings? campaign = null, int villages = 2)
    {
        (await client.AdminPostAsync(adminKey, "/api/admin/committees", SampleCounty.Csv(villages), "text/csv")).EnsureSuccessStatusCode();
        (await client.AdminPostAsync(adminKey, "/api/admin/campaigns", DomainJson.Serialize(campaign ?? SampleCounty.Campaign()))).EnsureSuccessStatusCode();
        (await client.AdminPostAsync(adminKey, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string unitToken, ScoreSheet? sheet = null, SelfInspectionReport? report = null, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, sheet ?? SampleCounty.SelfSheet(), report ?? SampleCounty.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    /// <summary><c>GET /api/cases/{caseId}</c> with the admin key.</summary>
    public static async Task<JsonElement> CaseAsync(this HttpClient client, string adminKey, string caseId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", adminKey);
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Reads the case every 200 ms until <paramref name="condition"/> holds (60 s unless told).</summary>
    public static async Task<JsonElement> WaitForCaseAsync(this HttpClient client, string adminKey, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await client.CaseAsync(adminKey, caseId);
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
}
