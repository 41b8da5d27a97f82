using System.Text;
using GuanGong.Domain;
using GuanGong.Reliability.Tests.Infrastructure;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17 point 1: one bad recipient never stops an invitation batch. A unit whose address
/// MimeKit refuses and one whose mailbox the SMTP server refuses (550) are each logged at Warning
/// with the unit; every other unit of the same and later batches gets its mail.
/// </summary>
public sealed class InvitationBatchTests
{
    [Fact]
    public async Task Launch_TwoBadRecipientsInFirstBatch_OthersAllMailed_FailuresWarnedWithUnit()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await RunningApp.StartAsync(new AppOptions { Logs = logs, MailOverSmtp = true });
        app.Smtp!.Refuse("village3@example.cn");
        var csv = new StringBuilder()
            .AppendLine("code,name,level,kind,parent_code,reviewers,fallback_reviewer")
            .AppendLine("C0,示范市关工委,city,city,,市审核<city@example.cn>,")
            .AppendLine("X1,示范县关工委,county,county,C0,县审核员<county@example.cn>,")
            .AppendLine("T1,城关镇关工委,township,township,X1,镇审核员<town@example.cn>,")
            .Append(string.Concat(Enumerable.Range(1, 8).Select(i => i == 2
                ? "V2,第2村关工委,grassroots,village,T1,\"村联系人2<village2,x@example.cn>\",\n"
                : $"V{i},第{i}村关工委,grassroots,village,T1,村联系人{i}<village{i}@example.cn>,\n")))
            .ToString();
        (await app.Client.AdminPostAsync(RunningApp.AdminKey, "/api/admin/committees", csv, "text/csv")).EnsureSuccessStatusCode();
        (await app.Client.AdminPostAsync(RunningApp.AdminKey, "/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign()))).EnsureSuccessStatusCode();
        (await app.Client.AdminPostAsync(RunningApp.AdminKey, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""")).EnsureSuccessStatusCode();

        foreach (var i in new[] { 1, 4, 5, 6, 7, 8 })
        {
            await app.Smtp.WaitForAsync(m => m.To.Contains($"village{i}@example.cn") && m.Subject.StartsWith("请填报", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
        }

        var mailed = new[] { 1, 4, 5, 6, 7, 8 }.Count(i => app.Smtp.Messages.Any(m => m.To.Contains($"village{i}@example.cn")));
        var warned = logs.Lines.Count(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Invitation to unit", StringComparison.Ordinal));
        ResultsTable.Add(
            "One bad recipient in an invitation batch",
            "8 units, one address MimeKit refuses and one mailbox the SMTP server refuses (550), both in the first batch of 5",
            $"{mailed} of 6 good units mailed, {warned} Warning lines naming the unit",
            "6 of 6, 2 warnings",
            mailed == 6 && warned >= 2);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Any(t => t.StartsWith("village2", StringComparison.Ordinal) || t == "village3@example.cn"));
        var warnings = logs.Lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Invitation to unit", StringComparison.Ordinal)).ToList();
        Assert.Contains(warnings, l => l.Contains("unit V2 ", StringComparison.Ordinal));
        Assert.Contains(warnings, l => l.Contains("unit V3 ", StringComparison.Ordinal) && l.Contains("550", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, l => l.Contains("village", StringComparison.Ordinal));
    }
}
