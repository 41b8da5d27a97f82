using System.Net;
using System.Text;
using System.Text.Json;
using GuanGong.Functions.Calendars;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Calendars;

/// <summary>
/// The campaign calendar's reminders on a fake clock, on the real app, its hourly timer and Azurite: units that have not
/// submitted are reminded 5 and 1 working days before the deadline, once each, and a unit that submitted meanwhile is not;
/// a deadline in a year without a holiday notice is provisional in the API and in the mail; an officer re-sends a link.
/// </summary>
public sealed class SubmissionReminderEndToEndTests
{
    private const string AdminKey = RunningApp.AdminKey;

    [Fact]
    public async Task Reminders_BeforeTheDeadline_GoOnceToUnitsThatHaveNotSubmitted()
    {
        // Monday 19 Oct 2026, 09:00 China time. Deadline Friday 30 Oct: reminders on Fri 23 Oct (5 working days) and Thu 29 Oct (1).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 19, 1, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await StartAsync(smtp, clock);
        await app.Client.SetUpCountyAsync(AdminKey, villages: 2);
        var invitations = await Task.WhenAll(new[] { "village1@", "village2@", "school@" }.Select(to => smtp.WaitForAsync(m => m.To.Any(a => a.StartsWith(to, StringComparison.Ordinal)))));
        (await app.Client.SubmitAsync(SampleCounty.TokenOf(invitations[0].LinkWith("/u/")))).EnsureSuccessStatusCode();

        var calendar = await PutCalendarAsync(app, """{"year":2026,"submissionDeadline":"2026-10-30","reminderWorkingDays":[5,1],"acceptanceStart":"2026-11-16","acceptanceEnd":"2026-12-18"}""");
        Assert.False(calendar.GetProperty("provisional").GetBoolean());
        // The townships are invited for their own case too (the county decides it).
        Assert.Equal(["E1", "T1", "T2", "V2"], calendar.GetProperty("notSubmitted").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal("SubmissionDeadline", calendar.GetProperty("nextDue")[0].GetProperty("entry").GetProperty("kind").GetString());

        clock.SetUtcNow(new DateTimeOffset(2026, 10, 23, 1, 0, 0, TimeSpan.Zero));
        var fiveDays = await Task.WhenAll(new[] { "village2@", "school@" }.Select(to => smtp.WaitForAsync(m => IsReminder(m) && m.To.Any(a => a.StartsWith(to, StringComparison.Ordinal)))));
        Assert.Contains("2026年10月30日（周五）24:00 前", fiveDays[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("暂定", fiveDays[0].Body, StringComparison.Ordinal);

        // Another hour: nobody is reminded twice at the same point. Then the second village submits.
        clock.Advance(TimeSpan.FromHours(1));
        (await app.Client.SubmitAsync(SampleCounty.TokenOf(fiveDays[0].LinkWith("/u/")))).EnsureSuccessStatusCode();
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 29, 1, 0, 0, TimeSpan.Zero));
        var oneDay = await smtp.WaitForAsync(m => IsReminder(m) && m.To.Any(a => a.StartsWith("school@", StringComparison.Ordinal)) && !fiveDays.Contains(m));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Reminders(smtp, "village1@"));
        Assert.Equal(1, Reminders(smtp, "village2@"));
        Assert.Equal(2, Reminders(smtp, "school@"));
        var sent = smtp.Messages.Count(IsReminder);
        Assert.Contains("/u/", oneDay.Body, StringComparison.Ordinal);

        // After the deadline no reminder is due.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(sent, smtp.Messages.Count(IsReminder));
    }

    private static int Reminders(SmtpSink smtp, string to) => smtp.Messages.Count(m => IsReminder(m) && m.To.Any(a => a.StartsWith(to, StringComparison.Ordinal)));

    [Fact]
    public async Task Deadline_InAYearWithoutNotice_IsProvisionalInTheApiAndTheReminder()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 28, 1, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await StartAsync(smtp, clock);
        await app.Client.SetUpCountyAsync(AdminKey, villages: 1);
        await smtp.WaitForAsync(m => m.To.Any(a => a.StartsWith("school@", StringComparison.Ordinal)));

        var calendar = await PutCalendarAsync(app, """{"year":2026,"submissionDeadline":"2027-01-15","reminderWorkingDays":[1],"acceptanceStart":"2027-01-18","acceptanceEnd":"2027-01-29"}""");
        Assert.True(calendar.GetProperty("provisional").GetBoolean());
        Assert.True(calendar.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kind").GetString() == "SubmissionDeadline").GetProperty("provisional").GetBoolean());

        clock.SetUtcNow(new DateTimeOffset(2027, 1, 14, 1, 0, 0, TimeSpan.Zero));
        var reminder = await smtp.WaitForAsync(m => IsReminder(m) && m.To.Any(a => a.StartsWith("school@", StringComparison.Ordinal)));
        Assert.Contains(ProvisionalDates.Note, reminder.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resend_UnitNotSubmitted_MailsItsLinkAgain_OthersAreRefused()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await StartAsync(smtp, clock);
        await app.Client.SetUpCountyAsync(AdminKey, villages: 1);
        var invitation = await smtp.WaitForAsync(m => m.To.Any(a => a.StartsWith("village1@", StringComparison.Ordinal)));
        await smtp.WaitForAsync(m => m.To.Any(a => a.StartsWith("school@", StringComparison.Ordinal)));
        (await app.Client.SubmitAsync(SampleCounty.TokenOf(invitation.LinkWith("/u/")))).EnsureSuccessStatusCode();

        using var resent = await PostAsync(app, "/api/campaigns/wx2026/units/E1/resend");
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal("school@example.cn", JsonDocument.Parse(await resent.Content.ReadAsStringAsync()).RootElement.GetProperty("mailedTo").GetString());
        await smtp.WaitForAsync(_ => smtp.Messages.Count(m => m.To.Any(a => a.StartsWith("school@", StringComparison.Ordinal)) && m.Subject.StartsWith("请填报", StringComparison.Ordinal)) == 2);

        using var submitted = await PostAsync(app, "/api/campaigns/wx2026/units/V1/resend");
        Assert.Equal(HttpStatusCode.Conflict, submitted.StatusCode);
        using var unknown = await PostAsync(app, "/api/campaigns/wx2026/units/NOPE/resend");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var anonymous = await app.Client.PostAsync(new Uri("/api/campaigns/wx2026/units/E1/resend", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static bool IsReminder(GuanGong.LocalStack.Mail.MailFile mail) => mail.Subject.StartsWith("【提醒】", StringComparison.Ordinal) && mail.Subject.Contains("尚未提交", StringComparison.Ordinal);

    internal static Task<RunningApp> StartAsync(SmtpSink smtp, FakeTimeProvider clock)
    {
        var options = new AppOptions { Time = clock, RunTimers = true };
        options.Settings["GuanGong:Mail:Delivery"] = "Smtp";
        options.Settings["GuanGong:Mail:Smtp:Host"] = "127.0.0.1";
        options.Settings["GuanGong:Mail:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return RunningApp.StartAsync(options);
    }

    internal static async Task<JsonElement> PutCalendarAsync(RunningApp app, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/admin/campaigns/{SampleCounty.CampaignId}/calendar", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var response = await app.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static async Task<HttpResponseMessage> PostAsync(RunningApp app, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        request.Headers.Add("X-Admin-Key", AdminKey);
        return await app.Client.SendAsync(request);
    }
}
