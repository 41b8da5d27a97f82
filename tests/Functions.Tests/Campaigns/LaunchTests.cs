using GuanGong.Functions.Tests.Workflow;
using System.Net;
using System.Text.Json;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>
/// A launch answers at once and the invitations go out in the background; launching the year again
/// (a double click, a retried request) emails nobody twice; asking to resend does, once more.
/// </summary>
public sealed class LaunchTests
{
    [Fact]
    public async Task Launch_AnswersAtOnce_InvitesInBackground_RepeatSendsNothing_ResendSendsOnceMore()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        (await app.AdminPostAsync("/api/admin/committees", SampleCounty.Csv(3), "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", GuanGong.Domain.DomainJson.Serialize(SampleCounty.Campaign()))).EnsureSuccessStatusCode();

        using var first = await app.AdminPostAsync(LaunchPath, """{"year":2026}""");
        var units = (await BodyAsync(first)).GetProperty("units").GetInt32();
        await WaitForInvitationsAsync(smtp, units);
        using var again = await app.AdminPostAsync(LaunchPath, """{"year":2026}""");
        using var withoutYear = await app.AdminPostAsync(LaunchPath, "{}");
        await Task.Delay(1500); // a repeat that sent anything would have reached the sink by now
        var afterRepeats = Invitations(smtp);
        using var resend = await app.AdminPostAsync(LaunchPath, """{"year":2026,"resend":true}""");
        await WaitForInvitationsAsync(smtp, 2 * units);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.True(units >= 4, $"{units} units in scope");
        var repeated = await BodyAsync(again);
        Assert.True(repeated.GetProperty("alreadyLaunched").GetBoolean());
        Assert.Equal(1, repeated.GetProperty("round").GetInt32());
        Assert.True((await BodyAsync(withoutYear)).GetProperty("alreadyLaunched").GetBoolean());
        Assert.Equal(units, afterRepeats);
        var resent = await BodyAsync(resend);
        Assert.False(resent.GetProperty("alreadyLaunched").GetBoolean());
        Assert.Equal(2, resent.GetProperty("round").GetInt32());
        Assert.Equal(2 * units, Invitations(smtp));
    }

    [Fact]
    public async Task Launch_YearOutsideTheCampaign_Answers400AndStartsNothing()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        (await app.AdminPostAsync("/api/admin/committees", SampleCounty.Csv(1), "text/csv")).EnsureSuccessStatusCode();
        (await app.AdminPostAsync("/api/admin/campaigns", GuanGong.Domain.DomainJson.Serialize(SampleCounty.Campaign()))).EnsureSuccessStatusCode();

        using var response = await app.AdminPostAsync(LaunchPath, """{"year":2031}""");
        await Task.Delay(1000);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, Invitations(smtp));
    }

    private static string LaunchPath => $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch";

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private static async Task WaitForInvitationsAsync(SmtpSink smtp, int count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Invitations(smtp) < count && waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }
    }

    private static int Invitations(SmtpSink smtp) => smtp.Messages.Count(m => m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)));
}
