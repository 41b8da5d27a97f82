using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Cases waiting at the township, and the click that moves one on: the township reviewer's approval
/// over HTTP, timed until the county reviewer's mail for that case is in the pickup folder (the
/// orchestration took the event, applied the decision, opened the county's task and mailed it).
/// </summary>
public static class ReviewClicks
{
    /// <summary>Submits for villages V1…Vn (admin key) and returns each case's township review link once its mail is out.</summary>
    public static async Task<IReadOnlyList<(string UnitCode, string Link)>> OpenAtTownshipAsync(BenchApp app, int cases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var opened = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var unit = 1; unit <= cases; unit++)
        {
            await SubmitLatencyBenchmark.SubmitAsAdminAsync(app, $"V{unit}", cancellationToken);
        }

        for (var unit = 1; unit <= cases; unit++)
        {
            var unitCode = $"V{unit}";
            var number = await app.ReceiptNumberAsync(County.CaseId(unitCode));
            var mail = await app.WaitForMailAsync(m => IsReviewMail(m, "town1-1@", number), TimeSpan.FromMinutes(3), seen);
            opened.Add((unitCode, County.LinkWith(mail, "/r/")));
        }

        return opened;
    }

    /// <summary>Approves at the township and waits for the county's review mail: the time from the click to the mail.</summary>
    public static async Task<TimeSpan> ApproveAndWaitForNextAsync(BenchApp app, string unitCode, string link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var number = await app.ReceiptNumberAsync(County.CaseId(unitCode));
        var clock = Stopwatch.StartNew();
        var body = JsonSerializer.Serialize(new { token = County.TokenOf(link), action = "Approve", reason = "材料齐全，同意。", reviewSheet = (object?)null });
        using (var response = await app.Client.PostAsync(new Uri("/api/reviews/decisions", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken))
        {
            AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.OK);
        }

        await app.WaitForMailAsync(m => IsReviewMail(m, "county1@", number), TimeSpan.FromMinutes(5), pollEvery: TimeSpan.FromMilliseconds(10));
        return clock.Elapsed;
    }

    private static bool IsReviewMail(GuanGong.LocalStack.Mail.MailFile mail, string to, string receiptNumber) =>
        mail.To.Any(t => t.Contains(to, StringComparison.Ordinal))
        && mail.Subject.Contains("请审核", StringComparison.Ordinal)
        && mail.Body.Contains(receiptNumber, StringComparison.Ordinal);
}
