using GuanGong.Functions.Calendars;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.LocalStack.Mail;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Calendars;

/// <summary>
/// A deadline that falls in a year whose holiday notice is not loaded (2027 here) is provisional, and says so in every
/// place it is shown: the API's <c>provisional</c> flags, the reviewer's page, the reviewer's queue, the unit's page and
/// the return mail. A deadline inside 2026 (notice shipped) says nothing of the kind. Real app, Azurite, fake clock.
/// </summary>
public sealed class ProvisionalDateEndToEndTests
{
    [Fact]
    public async Task Deadlines_InAYearWithoutNotice_AreProvisionalEverywhereTheyAreShown()
    {
        // Monday 28 Dec 2026, 09:00 UTC. Five working days: 29, 30, 31 Dec, then 1 and 4 Jan 2027 — 2027 has no notice.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 28, 9, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, clock);
        var (unitToken, task) = await SubmitAsync(app, smtp);
        var caseId = SampleCounty.CaseId("V1");

        var status = await app.CaseAsync(caseId);
        Assert.True(status.GetProperty("heldBy").GetProperty("provisional").GetBoolean());
        var taskLink = task.LinkWith("/r/");
        Assert.Contains(ProvisionalDates.Note, await app.Client.GetStringAsync(new Uri(taskLink)), StringComparison.Ordinal);
        var queue = new UriBuilder(taskLink);
        queue.Path += "/pending";
        Assert.Contains(ProvisionalDates.Note, await app.Client.GetStringAsync(queue.Uri), StringComparison.Ordinal);
        Assert.Contains(ProvisionalDates.Note, await app.Client.GetStringAsync(new Uri("/u/" + unitToken, UriKind.Relative)), StringComparison.Ordinal);

        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, taskLink, "Return", "请补充活动照片。");
        var returned = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("【需整改】", StringComparison.Ordinal));
        Assert.Contains(ProvisionalDates.Note, returned.Body, StringComparison.Ordinal);
        var afterReturn = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "ReturnedForRectification");
        Assert.True(afterReturn.GetProperty("rectificationDueProvisional").GetBoolean());
        var unitPage = await app.Client.GetStringAsync(new Uri("/u/" + unitToken, UriKind.Relative));
        Assert.Contains("整改期限", unitPage, StringComparison.Ordinal);
        Assert.Contains(ProvisionalDates.Note, unitPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deadlines_InsideALoadedYear_AreNotProvisional()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, clock);
        var (unitToken, task) = await SubmitAsync(app, smtp);

        var status = await app.CaseAsync(SampleCounty.CaseId("V1"));
        Assert.False(status.GetProperty("heldBy").GetProperty("provisional").GetBoolean());
        Assert.False(status.GetProperty("rectificationDueProvisional").GetBoolean());
        Assert.DoesNotContain("暂定", await app.Client.GetStringAsync(new Uri(task.LinkWith("/r/"))), StringComparison.Ordinal);
        Assert.DoesNotContain("暂定", await app.Client.GetStringAsync(new Uri("/u/" + unitToken, UriKind.Relative)), StringComparison.Ordinal);
    }

    private static async Task<(string UnitToken, MailFile Task)> SubmitAsync(RunningApp app, SmtpSink smtp)
    {
        await app.SetUpCountyAsync(villages: 1);
        var unitToken = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        var task = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        return (unitToken, task);
    }
}
