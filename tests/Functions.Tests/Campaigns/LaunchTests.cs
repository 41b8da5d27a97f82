using System.Text.Json;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>Launching a year twice (a double click, a retried request) emails nobody twice; asking to resend does.</summary>
public sealed class LaunchTests
{
    [Fact]
    public async Task Launch_SameYearAgain_SendsNoSecondInvitationUnlessResendIsAsked()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.SetUpCountyAsync(villages: 2);
        await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn"));
        var invitationsAfterFirst = Invitations(smtp);

        using var again = await app.AdminPostAsync($"/api/admin/campaigns/{WorkflowBuilders.CampaignId}/launch", """{"year":2026}""");
        using var withoutYear = await app.AdminPostAsync($"/api/admin/campaigns/{WorkflowBuilders.CampaignId}/launch", "{}");
        await Task.Delay(300); // any mail a repeat sent would have arrived by now (the first launch's did before its answer)
        var invitationsAfterRepeats = Invitations(smtp);
        using var resend = await app.AdminPostAsync($"/api/admin/campaigns/{WorkflowBuilders.CampaignId}/launch", """{"year":2026,"resend":true}""");

        Assert.True(invitationsAfterFirst >= 2);
        Assert.True(again.IsSuccessStatusCode && withoutYear.IsSuccessStatusCode);
        using var againBody = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.True(againBody.RootElement.GetProperty("alreadyLaunched").GetBoolean());
        Assert.Equal(0, againBody.RootElement.GetProperty("invited").GetInt32());
        Assert.Equal(invitationsAfterFirst, invitationsAfterRepeats);
        using var resendBody = JsonDocument.Parse(await resend.Content.ReadAsStringAsync());
        Assert.Equal(invitationsAfterFirst, resendBody.RootElement.GetProperty("invited").GetInt32());
        Assert.Equal(2 * invitationsAfterFirst, Invitations(smtp));
    }

    private static int Invitations(SmtpSink smtp) => smtp.Messages.Count(m => m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)));
}
