using System.Net;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Workflow;

/// <summary>
/// The timeout path under a fake clock, on the real app and Azurite: the township reviewer lets the
/// deadline pass, is reminded, the case goes to the township's fallback reviewer, then the county
/// takes it, marked escalated. Working days follow the 2026 holiday notice (China time).
/// </summary>
public sealed class EscalationEndToEndTests
{
    // Monday 5 Jan 2026, 09:00 UTC (17:00 China time). Five working days: 6, 7, 8, 9, 12 Jan.
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Case_ReviewerLetsDeadlinesPass_RemindedThenFallbackThenCountyTakesItEscalated()
    {
        var clock = new FakeTimeProvider(Start);
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp, clock);
        await app.SetUpCountyAsync(villages: 1);
        var unitToken = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn"))).LinkWith("/u/"));
        (await app.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        var caseId = SampleCounty.CaseId("V1");
        var task = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        Assert.Contains("1月12日（周一）24:00 前", task.Body, StringComparison.Ordinal); // due at the end of Mon 12 Jan, China time

        // Fri 9 Jan 10:00 China time: both reminders (2 and 1 working days before) are due.
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 9, 2, 0, 0, TimeSpan.Zero));
        await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("【提醒】", StringComparison.Ordinal));
        Assert.Equal("T1", (await app.CaseAsync(caseId)).GetProperty("heldBy").GetProperty("committeeCode").GetString());

        // Past the reviewers' deadline: the township's fallback reviewer gets the task.
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 12, 16, 1, 0, TimeSpan.Zero));
        await smtp.WaitForAsync(m => m.To.Contains("town-backup@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        var withFallback = await app.WaitForCaseAsync(caseId, c => c.GetProperty("heldBy").GetProperty("rung").GetString() == "FallbackReviewer");
        Assert.False(withFallback.GetProperty("escalated").GetBoolean());

        // Past the fallback's two working days (13, 14 Jan): the county takes the township stage, marked escalated.
        clock.SetUtcNow(new DateTimeOffset(2026, 1, 14, 16, 1, 0, TimeSpan.Zero));
        var escalatedMail = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("【逾期上报】", StringComparison.Ordinal));
        var escalated = await app.WaitForCaseAsync(caseId, c => c.GetProperty("escalated").GetBoolean());
        Assert.Equal("X1", escalated.GetProperty("heldBy").GetProperty("committeeCode").GetString());
        Assert.Equal(1, escalated.GetProperty("stage").GetInt32());
        var history = escalated.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("逾期转交后备审核人", history);
        Assert.Contains("逾期自动上报上一级", history);

        // The county decides the escalated stage, then its own, and the case passes.
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, escalatedMail.LinkWith("/r/"), "Approve", "代为审核：材料齐全。");
        var countyOwn = await smtp.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && m.Subject.Contains("验收", StringComparison.Ordinal));
        await AcceptanceChainEndToEndTests.DecideOnPageAsync(app, countyOwn.LinkWith("/r/"), "Approve", "验收合格。");
        var passed = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "Passed");
        Assert.True(passed.GetProperty("decisions")[0].GetProperty("escalated").GetBoolean());
        Assert.Equal("X1", passed.GetProperty("decisions")[0].GetProperty("committeeCode").GetString());

        // The township reviewers' links, never used, no longer act.
        using var late = await app.Client.GetAsync(new Uri(task.LinkWith("/r/")));
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
    }
}
