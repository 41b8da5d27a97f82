using System.Text;
using System.Text.Json;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Scoring;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>The <see cref="SampleCounty"/> calls (<see cref="AppApi"/>) on a <see cref="RunningApp"/>, with its admin key.</summary>
internal static class WorkflowBuilders
{
    public static Task<HttpResponseMessage> AdminPostAsync(this RunningApp app, string path, string body, string contentType = "application/json") =>
        app.Client.AdminPostAsync(RunningApp.AdminKey, path, body, contentType);

    /// <summary>Imports the county, creates the campaign and launches 2026; returns nothing, mail goes to the sink.</summary>
    public static Task SetUpCountyAsync(this RunningApp app, CampaignSettings? campaign = null, int villages = 2) =>
        app.Client.SetUpCountyAsync(RunningApp.AdminKey, campaign, villages);

    public static Task<HttpResponseMessage> SubmitAsync(this RunningApp app, string unitToken, ScoreSheet? sheet = null, string? idempotencyKey = null) =>
        app.Client.SubmitAsync(unitToken, sheet, idempotencyKey: idempotencyKey);

    public static Task<JsonElement> CaseAsync(this RunningApp app, string caseId) => app.Client.CaseAsync(RunningApp.AdminKey, caseId);

    public static Task<JsonElement> WaitForCaseAsync(this RunningApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, condition, timeout);

    /// <summary>Takes a decision through the JSON decision function.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this RunningApp app, string link, string action, string reason) =>
        await app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = JsonNamingPolicy.CamelCase.ConvertName(action), reason }), Encoding.UTF8, "application/json"));
}
