using System.Net;
using GuanGong.Domain.Campaigns;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>
/// A three-year campaign (三年创建) run through the public API and the emailed links on the running app: year 1 invites
/// the units whose target year has come, the passed stay passed in year 2 and are not invited again, a unit due later
/// applies early, the county re-examines a passed unit, and target years change with an audited reason.
/// </summary>
public sealed class ThreeYearCampaignEndToEndTests
{
    // V1 and the school are due in 2026, V2 in 2027; the townships have no target year (invited every year until passed).
    private static CampaignSettings Campaign() => SampleCounty.Campaign() with
    {
        UnitTargetYears = [new UnitTargetYear("V1", 2026), new UnitTargetYear("V2", 2027), new UnitTargetYear("E1", 2026)],
    };

    [Fact]
    public async Task ThreeYearRun_YearTwoLaunch_InvitesTheDueAndKeepsYearOnePassesCumulative()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());

        // Year 1: V1 is due, V2 is not (and says why).
        var year1 = await app.LaunchAsync(2026);
        Assert.Equal("dueLater", CampaignApi.NotInvited(year1)["V2"]);
        Assert.DoesNotContain("V1", CampaignApi.NotInvited(year1).Keys);
        var v1Token = await smtp.InvitationTokenAsync("village1@example.cn", 2026);
        await app.PassAsync(smtp, v1Token, "第1村", "town@example.cn", "county@example.cn");

        var figures2026 = (await app.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal(3, figures2026.GetProperty("established").GetInt32());
        Assert.Equal(1, figures2026.GetProperty("assessed").GetInt32());
        Assert.Equal(1, figures2026.GetProperty("passed").GetInt32());
        Assert.Equal("100.0%", figures2026.GetProperty("passRate").GetProperty("display").GetString());
        Assert.Equal("33.3%", figures2026.GetProperty("coverage").GetProperty("display").GetString());

        // Year 2: V2 is due now; V1 passed in year 1 and is not invited again.
        var year2 = await app.LaunchAsync(2027);
        Assert.Equal("alreadyPassed", CampaignApi.NotInvited(year2)["V1"]);
        var v2Token = await smtp.InvitationTokenAsync("village2@example.cn", 2027);
        Assert.DoesNotContain(smtp.Messages, m => m.To.Contains("village1@example.cn") && m.Subject.Contains("2027年度", StringComparison.Ordinal));
        using (var submitted = await app.SubmitAsync(v2Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            Assert.Contains(CaseIds.For(SampleCounty.CampaignId, 2027, "V2"), await submitted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Cumulative: V1's year-1 pass still counts in 2027; V2 is under review, not assessed yet.
        var figures2027 = (await app.StatisticsAsync(2027)).GetProperty("passRates");
        Assert.Equal(1, figures2027.GetProperty("passed").GetInt32());
        Assert.Equal(1, figures2027.GetProperty("assessed").GetInt32());
        Assert.Equal(1, figures2027.GetProperty("inProgress").GetInt32());
        Assert.Equal("33.3%", figures2027.GetProperty("coverage").GetProperty("display").GetString());

        // The county chooses to re-examine V1 in 2027: the year is launched, so its link goes out at once.
        var (status, chosen) = await app.SendAsync(HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/re-examinations", new { unitCode = "V1", year = 2027 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("reExamination", chosen.GetProperty("reason").GetString());
        var reExamToken = await smtp.InvitationTokenAsync("village1@example.cn", 2027);
        using (var reSubmitted = await app.SubmitAsync(reExamToken))
        {
            Assert.Equal(HttpStatusCode.Accepted, reSubmitted.StatusCode);
        }

        // Still passed while the re-examination is under way.
        Assert.Equal(1, (await app.StatisticsAsync(2027)).GetProperty("passRates").GetProperty("passed").GetInt32());
    }

    [Fact]
    public async Task EarlyApplication_UnitDueLater_GetsItsLinkOnRequestAndMaySubmit()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        await smtp.InvitationTokenAsync("village1@example.cn", 2026);

        // Without a grant, a 2026 link for V2 (due 2027) cannot open a case.
        var links = app.Services.GetRequiredService<ReviewLinks>();
        var ungranted = links.UnitToken(CaseIds.For(SampleCounty.CampaignId, 2026, "V2"), "village2@example.cn", TimeProvider.System.GetUtcNow().AddDays(1));
        using (var refused = await app.SubmitAsync(ungranted))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("submission.not_invited", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var (status, granted) = await app.SendAsync(HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/early-applications", new { unitCode = "V2" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("earlyApplication", granted.GetProperty("reason").GetString());
        Assert.Equal("village2@example.cn", granted.GetProperty("mailedTo").GetString());

        var token = await smtp.InvitationTokenAsync("village2@example.cn", 2026);
        using var submitted = await app.SubmitAsync(token);
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);

        // A committee outside the unit's chain may not ask for it; an unknown unit is not in the campaign.
        var (unknown, _) = await app.SendAsync(HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/early-applications", new { unitCode = "NOPE" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);
    }

    [Fact]
    public async Task EarlyApplication_UnitAlreadyPassed_IsRefusedWithConflict()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        await app.PassVillageAsync(smtp, 1, 2026);

        var (status, problem) = await app.SendAsync(HttpMethod.Post, $"/api/campaigns/{SampleCounty.CampaignId}/early-applications", new { unitCode = "V1", year = 2026 });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("launch.already_passed", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetYear_ChangedWithAReason_IsStoredAndAudited()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        var path = $"/api/campaigns/{SampleCounty.CampaignId}/units/V2/target-year";

        var (missing, problem) = await app.SendAsync(HttpMethod.Put, path, new { year = 2026, changedBy = "王主任" });
        Assert.Equal(HttpStatusCode.BadRequest, missing);
        Assert.True(problem.GetRawText().Contains("target_year.reason_missing", StringComparison.Ordinal), problem.GetRawText());

        var (status, change) = await app.SendAsync(HttpMethod.Put, path, new { year = 2026, reason = "年初复核：班子已配齐，提前到2026年", changedBy = "王主任" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(2027, change.GetProperty("fromYear").GetInt32());
        Assert.Equal(2026, change.GetProperty("toYear").GetInt32());

        var (unchanged, _) = await app.SendAsync(HttpMethod.Put, path, new { year = 2026, reason = "再次确认", changedBy = "王主任" });
        Assert.Equal(HttpStatusCode.Conflict, unchanged);

        var (_, trail) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/target-year-changes");
        var entry = Assert.Single(trail.GetProperty("changes").EnumerateArray());
        Assert.Equal("V2", entry.GetProperty("unitCode").GetString());
        Assert.Equal("王主任", entry.GetProperty("changedBy").GetString());

        var (_, campaign) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}");
        Assert.Contains(campaign.GetProperty("settings").GetProperty("unitTargetYears").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "V2" && u.GetProperty("year").GetInt32() == 2026);

        // The county's dashboard shows the trail.
        var dashboardToken = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("X1", "office@example.cn", TimeProvider.System.GetUtcNow().AddHours(1));
        var dashboard = await app.Client.GetStringAsync(new Uri($"/d/{SampleCounty.CampaignId}?year=2026&t={Uri.EscapeDataString(dashboardToken)}", UriKind.Relative));
        Assert.Contains("预达标年度调整记录", dashboard, StringComparison.Ordinal);
        Assert.Contains("年初复核：班子已配齐，提前到2026年", dashboard, StringComparison.Ordinal);

        // Now due in 2026, V2 is invited by the year-1 launch.
        var launched = await app.LaunchAsync(2026);
        Assert.DoesNotContain("V2", CampaignApi.NotInvited(launched).Keys);
        await smtp.InvitationTokenAsync("village2@example.cn", 2026);

        // Without a key it is refused.
        var (anonymous, _) = await app.SendAsync(HttpMethod.Put, path, new { year = 2027, reason = "x", changedBy = "y" }, adminKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
    }

    [Fact]
    public async Task ReturnedThenExpired_CountsAsAssessedAndNotPassed_ThroughTheStatisticsApi()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        var token = await smtp.InvitationTokenAsync("village1@example.cn", 2026);
        using (var submitted = await app.SubmitAsync(token))
        {
            submitted.EnsureSuccessStatusCode();
        }

        var caseId = SampleCounty.CaseId("V1");
        var task = await smtp.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal));
        (await app.DecideAsync(task.LinkWith("/r/"), "Return", "缺少花名册。")).EnsureSuccessStatusCode();
        await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "ReturnedForRectification");

        var returned = (await app.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal(1, returned.GetProperty("assessed").GetInt32());
        Assert.Equal(0, returned.GetProperty("passed").GetInt32());

        // The rectification deadline passes: the activity closes the case as expired, still assessed and not passed.
        var progress = await ActivatorUtilities.CreateInstance<Cases.Workflow.ExpireRectificationActivity>(app.Services).RunAsync(caseId);
        Assert.Equal(CaseStatus.RectificationExpired, progress.Status);
        Assert.True(progress.IsDecided);

        var expired = (await app.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal(1, expired.GetProperty("assessed").GetInt32());
        Assert.Equal(0, expired.GetProperty("passed").GetInt32());
        Assert.Equal("0.0%", expired.GetProperty("passRate").GetProperty("display").GetString());
        Assert.Equal("逾期未整改（未达标）", global::GuanGong.Functions.Exports.ResultRows.StatusName(CaseStatus.RectificationExpired));
    }
}
