using System.Text;
using System.Text.Json;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Tests.Infrastructure;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>The <see cref="SampleCounty"/> calls (<see cref="AppApi"/>) on a <see cref="TestApp"/>, with its admin key.</summary>
internal static class WorkflowBuilders
{
    public static Task<HttpResponseMessage> AdminPostAsync(this TestApp app, string path, string body, string contentType = "application/json") =>
        app.Client.AdminPostAsync(TestApp.AdminKey, path, body, contentType);

    /// <summary>Imports the county, creates the campaign and launches 2026; returns nothing, mail goes to the sink.</summary>
    public static Task SetUpCountyAsync(this TestApp app, CampaignSettings? campaign = null, int villages = 2) =>
        app.Client.SetUpCountyAsync(TestApp.AdminKey, campaign, villages);

    public static Task<HttpResponseMessage> SubmitAsync(this TestApp app, string unitToken, ScoreSheet? sheet = null, string? idempotencyKey = null) =>
        app.Client.SubmitAsync(unitToken, sheet, idempotencyKey: idempotencyKey);

    public static Task<JsonElement> CaseAsync(this TestApp app, string caseId) => app.Client.CaseAsync(TestApp.AdminKey, caseId);

    public static Task<JsonElement> WaitForCaseAsync(this TestApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        app.Client.WaitForCaseAsync(TestApp.AdminKey, caseId, condition, timeout);

    /// <summary>Takes a decision through the JSON decision function.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this TestApp app, string link, string action, string reason) =>
        await app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = JsonNamingPolicy.CamelCase.ConvertName(action), reason }), Encoding.UTF8, "application/json"));
}
