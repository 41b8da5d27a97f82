using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Scoring;

using GuanGong.LocalStack.Mail;

namespace GuanGong.Testing.App;

/// <summary>The <see cref="SampleCounty"/> calls (<see cref="AppApi"/>) on a <see cref="RunningApp"/>, with its admin key; and its mailbox.</summary>
public static class RunningAppApi
{
    public static Task<HttpResponseMessage> AdminPostAsync(this RunningApp app, string path, string body, string contentType = "application/json") =>
        app.Client.AdminPostAsync(RunningApp.AdminKey, path, body, contentType);

    /// <summary>Imports the county, creates the campaign and launches 2026; returns nothing, mail goes to the sink.</summary>
    public static Task SetUpCountyAsync(this RunningApp app, CampaignSettings? campaign = null, int villages = 2) =>
        app.Client.SetUpCountyAsync(RunningApp.AdminKey, campaign, villages);

    public static Task<HttpResponseMessage> SubmitAsync(this RunningApp app, string unitToken, ScoreSheet? sheet = null, string? idempotencyKey = null) =>
        app.Client.SubmitAsync(unitToken, sheet, idempotencyKey: idempotencyKey);

    public static Task<JsonElement> CaseAsync(this RunningApp app, string caseId) => app.Client.CaseAsync(RunningApp.AdminKey, caseId);

    /// <summary>The case's 受理编号 as the status function shows it (the receipt page and every mail quote it).</summary>
    public static async Task<string> ReceiptNumberAsync(this RunningApp app, string caseId) =>
        (await app.CaseAsync(caseId)).GetProperty("receiptNumber").GetString()!;

    public static Task<JsonElement> WaitForCaseAsync(this RunningApp app, string caseId, Func<JsonElement, bool> condition, TimeSpan? timeout = null) =>
        app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, condition, timeout);

    /// <summary>Takes a decision through the JSON decision function.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this RunningApp app, string link, string action, string reason) =>
        await app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = JsonNamingPolicy.CamelCase.ConvertName(action), reason }), Encoding.UTF8, "application/json"));

    /// <summary>Waits until the case's status is <paramref name="status"/>.</summary>
    public static Task<JsonElement> WaitForStatusAsync(this RunningApp app, string caseId, string status, TimeSpan? timeout = null) =>
        app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == status, timeout);

    /// <summary>The status code <c>GET /api/cases/{caseId}</c> answers the admin with (404 for a case never stored).</summary>
    public static async Task<HttpStatusCode> CaseStatusCodeAsync(this RunningApp app, string caseId)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        using var response = await app.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>A page as the admin sees it (HTML).</summary>
    public static async Task<string> GetAsAdminAsync(this RunningApp app, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(pathAndQuery, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var response = await app.Client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>
    /// Waits for a mail the app sent (the orchestrations send in the background), from its SMTP sink or its pickup
    /// folder, skipping <paramref name="except"/>; 60 s unless told.
    /// </summary>
    public static async Task<MailFile> WaitForMailAsync(this RunningApp app, Func<MailFile, bool> match, IReadOnlyCollection<MailFile>? except = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(match);
        bool Wanted(MailFile mail) => match(mail) && (except is null || !except.Any(e => e.Raw == mail.Raw));
        if (app.Smtp is { } smtp)
        {
            return await smtp.WaitForAsync(Wanted, timeout);
        }

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            foreach (var mail in app.Mails())
            {
                if (Wanted(mail))
                {
                    return mail;
                }
            }

            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(60)))
            {
                throw new TimeoutException($"No matching mail arrived in {app.MailFolder}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Every mail the app sent so far.</summary>
    public static IReadOnlyList<MailFile> Mails(this RunningApp app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Smtp is { } smtp)
        {
            return smtp.Messages;
        }

        var mails = new List<MailFile>();
        foreach (var file in Directory.EnumerateFiles(app.MailFolder!, "*.eml"))
        {
            try
            {
                mails.Add(MailFile.Load(file));
            }
            catch (IOException)
            {
                // still being written
            }
        }

        return mails;
    }
}
