using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;

namespace GuanGong.Reliability.Tests.Infrastructure;

/// <summary>
/// <see cref="SampleCounty"/> to attack, set up and driven over HTTP only: the <see cref="AppApi"/>
/// calls on a <see cref="ReliabilityApp"/> with its admin key, and what only this suite needs.
/// </summary>
internal static class County
{
    /// <summary>The case id (subject) a signed link names, read from its payload without verifying it.</summary>
    public static string? SubjectOf(string token)
    {
        var payload = token.Split('.')[^2].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement.GetProperty("c").GetString();
    }

    public static Task<HttpResponseMessage> AdminPostAsync(this ReliabilityApp app, string path, string body, string contentType = "application/json") =>
        app.Client.AdminPostAsync(ReliabilityApp.AdminKey, path, body, contentType);

    /// <summary>Imports the county, creates the campaign and launches 2026 (invitations go to the SMTP sink).</summary>
    public static Task SetUpAsync(this ReliabilityApp app, int villages = 2) => app.Client.SetUpCountyAsync(ReliabilityApp.AdminKey, villages: villages);

    /// <summary>The unit link token mailed to a unit's contact.</summary>
    public static async Task<string> UnitTokenAsync(this ReliabilityApp app, string contactEmail) =>
        SampleCounty.TokenOf((await app.Smtp.WaitForAsync(m => m.To.Contains(contactEmail) && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)))).LinkWith("/u/"));

    public static Task<HttpResponseMessage> SubmitAsync(this ReliabilityApp app, string unitToken, ScoreSheet? sheet = null, SelfInspectionReport? report = null) =>
        app.Client.SubmitAsync(unitToken, sheet, report);

    public static Task<JsonElement> CaseAsync(this ReliabilityApp app, string caseId) => app.Client.CaseAsync(ReliabilityApp.AdminKey, caseId);

    public static Task<JsonElement> WaitForCaseAsync(this ReliabilityApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        app.Client.WaitForCaseAsync(ReliabilityApp.AdminKey, caseId, condition, timeout);

    /// <summary>Uploads one ledger file for the first item of the template.</summary>
    public static async Task<HttpResponseMessage> UploadLedgerAsync(this ReliabilityApp app, string caseId, string bearer, string fileName, byte[] bytes, string? itemId = null)
    {
        var item = itemId ?? SampleCounty.Template.AllItems.First().Id;
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
