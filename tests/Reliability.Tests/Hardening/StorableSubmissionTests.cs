using System.Net;
using System.Net.Http.Headers;
using GuanGong.Domain.Scoring;
using GuanGong.Functions.Cases;
using GuanGong.Reliability.Tests.Infrastructure;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17 point 2: a submission the workflow cannot store is refused with a 400 naming the field,
/// never a receipt (303/202) followed by a day of retries, never a 500; a submission just within every
/// limit is taken and reaches its reviewer. Evidence is frozen once submitted (point 10).
/// </summary>
public sealed class StorableSubmissionTests
{
    [Fact]
    public async Task Submissions_AtAndBeyondTheLimits_RefusedWith400OrCarriedToTheReviewer_EvidenceFrozen()
    {
        await using var app = await RunningApp.StartAsync(new AppOptions { MailOverSmtp = true });
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 1);
        var unitToken = await app.Smtp!.UnitTokenAsync("village1@example.cn");
        var sheet = SampleCounty.SelfSheet();
        var tooLong = new string('注', ScoreSheetValidator.MaxTextLength + 1);
        var escaped = new string('\u0001', ScoreSheetValidator.MaxTextLength);
        var section = new string('\u0002', SelfInspectionReport.MaxFieldLength);
        var atLimit = new string('注', ScoreSheetValidator.MaxTextLength);

        var answers = new List<(string Case, HttpStatusCode Status, string Body)>();
        foreach (var (name, candidate, report) in new[]
        {
            ("note over its limit", sheet with { Items = [.. sheet.Items.Select((i, n) => n == 0 ? i with { Note = tooLong } : i)] }, SampleCounty.Report()),
            ("reason over its limit", sheet with { Items = [.. sheet.Items.Select((i, n) => n == 1 ? i with { DeductionReason = tooLong } : i)] }, SampleCounty.Report()),
            ("5,000 items", sheet with { Items = [.. Enumerable.Range(0, 5000).Select(n => sheet.Items[n % sheet.Items.Count])] }, SampleCounty.Report()),
            ("every field within its limit, too large to store", sheet with { Items = [.. sheet.Items.Select(i => i with { Note = escaped, DeductionReason = escaped })] }, new SelfInspectionReport(section, section, section, section, section)),
        })
        {
            using var answer = await app.Client.SubmitAsync(unitToken, candidate, report);
            answers.Add((name, answer.StatusCode, await answer.Content.ReadAsStringAsync()));
        }

        using var accepted = await app.Client.SubmitAsync(unitToken, sheet with { Items = [.. sheet.Items.Select(i => i with { Note = atLimit, DeductionReason = atLimit })] });
        var caseId = SampleCounty.CaseId("V1");
        await app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, c => c.GetProperty("status").GetString() == "UnderReview", TimeSpan.FromSeconds(90));
        using var lateUpload = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{SampleCounty.Template.AllItems.First().Id}/ledgers", UriKind.Relative))
        {
            Content = new ByteArrayContent(LedgerUploads.Pdf("补交")),
        };
        lateUpload.Headers.Add("X-File-Name", "late.pdf");
        lateUpload.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        using var late = await app.Client.SendAsync(lateUpload);

        var refused = answers.Count(a => a.Status == HttpStatusCode.BadRequest);
        ResultsTable.Add(
            "Submissions the workflow cannot store",
            "overlong note, overlong deduction reason, 5,000 items, every field within its limit but beyond a table row; then one with every note and reason at its limit",
            $"{refused} of {answers.Count} refused with 400 ({string.Join(", ", answers.Select(a => (int)a.Status))}); at-limit one {(int)accepted.StatusCode} and reached review",
            $"{answers.Count} x 400, then accepted",
            refused == answers.Count && accepted.IsSuccessStatusCode);
        ResultsTable.Add("Evidence frozen at submission", "the unit uploads a ledger after submitting", $"{(int)late.StatusCode}", "409 until returned for rectification", late.StatusCode == HttpStatusCode.Conflict);

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.BadRequest, $"{a.Case}: {(int)a.Status} {a.Body}"));
        Assert.Contains("selfAssessment.items[0].note", answers[0].Body, StringComparison.Ordinal);
        Assert.Contains("selfAssessment.items[1].deductionReason", answers[1].Body, StringComparison.Ordinal);
        Assert.Contains("submission.too_large", answers[3].Body, StringComparison.Ordinal);
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("evidence-frozen", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
