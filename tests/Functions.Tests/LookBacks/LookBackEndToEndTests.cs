using System.Net;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Domain.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Campaigns;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;
using GuanGong.Functions.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.LookBacks;

/// <summary>
/// The look-back (回头看) through the public API and the emailed links on the running app (real Azurite, real engine):
/// a seeded sample that is recorded and draws the same units again, 限期整改 (back to the unit with a deadline,
/// resubmitted, reviewed again at the verdict stage) and 撤销 (at once: audited, the figures of the look-back's year).
/// </summary>
public sealed class LookBackEndToEndTests
{
    private static string LookBacks => $"/api/campaigns/{SampleCounty.CampaignId}/lookbacks";

    // Every passed unit is drawn (100%): the tests choose which outcome each gets.
    internal static CampaignSettings Campaign() => SampleCounty.Campaign() with
    {
        UnitTargetYears = [new UnitTargetYear("V1", 2026), new UnitTargetYear("V2", 2026), new UnitTargetYear("E1", 2027)],
        LookBackShare = new Percentage(100),
    };

    [Fact]
    public async Task ThreeYearRun_RevocationInYearTwo_CountsFromYearTwoAndTheUnitIsInvitedAgainInYearThree()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());

        // Year 1: V1 and V2 are due and pass.
        await app.LaunchAsync(2026);
        await app.PassVillageAsync(smtp, 1, 2026);
        await app.PassVillageAsync(smtp, 2, 2026);
        var year1 = (await app.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal((2, 2), (year1.GetProperty("assessed").GetInt32(), year1.GetProperty("passed").GetInt32()));

        // Year 2: the passed are not invited again; the school is due and passes.
        var launch2 = await app.LaunchAsync(2027);
        Assert.Equal("alreadyPassed", CampaignApi.NotInvited(launch2)["V2"]);
        await app.PassAsync(smtp, await smtp.InvitationTokenAsync("school@example.cn", 2027), "东风小学", "east@example.cn", "county@example.cn");

        // The county's look-back of year 2 draws from the cumulative passed units, with the seed it is given.
        var (drawn, sample) = await app.SendAsync(HttpMethod.Post, LookBacks, new { year = 2027, seed = "2027年回头看", drawnBy = "王主任" });
        Assert.Equal(HttpStatusCode.Created, drawn);
        var id = sample.GetProperty("lookBackId").GetString()!;
        Assert.Equal(["E1", "V1", "V2"], Units(sample).Order(StringComparer.Ordinal));

        // Findings, then the revocation: at once, audited, mailed.
        var (found, _) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V2/findings", new { text = "2027年上半年活动记录空白，五老队伍名册与实际不符。", recordedBy = "李检查员" });
        Assert.Equal(HttpStatusCode.OK, found);
        var (revoked, result) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V2/revocation", new { reasons = new[] { "活动记录空白", "五老队伍名册不实" }, decidedBy = "王主任" });
        Assert.True(revoked == HttpStatusCode.OK, result.ToString());
        Assert.Equal("Revoked", result.GetProperty("status").GetString());
        Assert.Equal("Revoked", (await app.CaseAsync(CaseIds.For(SampleCounty.CampaignId, 2026, "V2"))).GetProperty("status").GetString());
        await smtp.WaitForAsync(m => m.To.Contains("village2@example.cn") && m.Subject.StartsWith("【撤销达标】", StringComparison.Ordinal));
        var history = await AuditTextAsync(app, CaseIds.For(SampleCounty.CampaignId, 2026, "V2"));
        Assert.Contains("回头看撤销达标资格", history, StringComparison.Ordinal);

        // Cumulative figures: year 2 counts the revocation, year 1 keeps its pass.
        var year2 = (await app.StatisticsAsync(2027)).GetProperty("passRates");
        Assert.Equal(3, year2.GetProperty("assessed").GetInt32());
        Assert.Equal(2, year2.GetProperty("passed").GetInt32());
        Assert.Equal("66.7%", year2.GetProperty("passRate").GetProperty("display").GetString());
        Assert.Equal(2, (await app.StatisticsAsync(2026)).GetProperty("passRates").GetProperty("passed").GetInt32());

        // A second order on the same unit is refused; the case is no longer passed.
        var (again, problem) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V2/rectification", new { reason = "补充材料", decidedBy = "王主任" });
        Assert.Equal(HttpStatusCode.Conflict, again);
        Assert.Equal("lookback.already_ordered", problem.GetProperty("code").GetString());

        // Year 3: the revoked unit has not passed, so the launch invites it again; V1 stays passed.
        var launch3 = await app.LaunchAsync(2028);
        Assert.DoesNotContain("V2", CampaignApi.NotInvited(launch3).Keys);
        Assert.Equal("alreadyPassed", CampaignApi.NotInvited(launch3)["V1"]);
        await smtp.InvitationTokenAsync("village2@example.cn", 2028);
        var year3 = (await app.StatisticsAsync(2028)).GetProperty("passRates");
        Assert.Equal((3, 2), (year3.GetProperty("assessed").GetInt32(), year3.GetProperty("passed").GetInt32()));
    }

    [Fact]
    public async Task Sample_Seeded_IsRecordedAndDrawsTheSameUnitsAgain()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign() with { LookBackShare = new Percentage(40) });
        await app.LaunchAsync(2026);
        await app.PassVillageAsync(smtp, 1, 2026);
        await app.PassVillageAsync(smtp, 2, 2026);

        var (_, first) = await app.SendAsync(HttpMethod.Post, LookBacks, new { seed = "种子-1" });
        var (_, second) = await app.SendAsync(HttpMethod.Post, LookBacks, new { seed = "种子-1" });
        var (_, unseeded) = await app.SendAsync(HttpMethod.Post, LookBacks, new { });

        // ⌈2 × 40%⌉ = 1 of T1's two passed villages; the same seed draws the same one, and the record keeps the seed.
        var drawn = Assert.Single(Units(first));
        Assert.Equal([drawn], Units(second));
        Assert.Equal("种子-1", first.GetProperty("sample").GetProperty("seed").GetString());
        Assert.Equal(["V1", "V2"], first.GetProperty("passedUnitCodes").EnumerateArray().Select(e => e.GetString()!));
        Assert.False(string.IsNullOrEmpty(unseeded.GetProperty("sample").GetProperty("seed").GetString()));
        var expected = Domain.LookBack.LookBackSampler.Draw(
            Domain.Organisations.CommitteeCsvImporter.Import(SampleCounty.Csv()).Value, ["V1", "V2"], new Percentage(40), "种子-1");
        Assert.Equal(expected.SelectedUnitCodes(), Units(first));

        // Stored and readable, and listed.
        var (read, stored) = await app.SendAsync(HttpMethod.Get, $"{LookBacks}/{first.GetProperty("lookBackId").GetString()}");
        Assert.Equal(HttpStatusCode.OK, read);
        Assert.Equal(Units(first), Units(stored));
        var (_, list) = await app.SendAsync(HttpMethod.Get, LookBacks);
        Assert.Equal(3, list.GetProperty("lookBacks").GetArrayLength());

        // The seed is in the campaign's audit trail.
        Assert.Contains("种子-1", await AuditTextAsync(app, SampleCounty.CampaignId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rectification_ResubmittedAndApprovedAtTheVerdictStage_PassesAgain()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(Campaign());
        await app.LaunchAsync(2026);
        var caseId = await app.PassVillageAsync(smtp, 1, 2026);
        var (_, sample) = await app.SendAsync(HttpMethod.Post, LookBacks, new { seed = "整改" });
        var id = sample.GetProperty("lookBackId").GetString()!;

        // Bad input answers problem details, never a 5xx.
        var (blank, problem) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V1/rectification", new { reason = " ", decidedBy = "王主任", workingDays = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, blank);
        Assert.Contains("lookback.reason_missing", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Contains("lookback.working_days_invalid", problem.GetRawText(), StringComparison.Ordinal);
        var (notDrawn, _) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/E1/rectification", new { reason = "x", decidedBy = "王主任" });
        Assert.Equal(HttpStatusCode.NotFound, notDrawn);
        var (malformed, _) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V1/rectification", "{\"reason\":");
        Assert.Equal(HttpStatusCode.BadRequest, malformed);
        var (anonymous, _) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V1/rectification", new { reason = "x", decidedBy = "y" }, adminKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        var (unknown, _) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/nope/units/V1/revocation", new { reasons = new[] { "x" }, decidedBy = "y" });
        Assert.Equal(HttpStatusCode.NotFound, unknown);

        // 限期整改: back to the unit with a deadline in working days; assessed and not passed meanwhile.
        var (ordered, order) = await app.SendAsync(HttpMethod.Post, $"{LookBacks}/{id}/units/V1/rectification", new { reason = "活动记录不全，请补齐2026年下半年记录。", decidedBy = "王主任", workingDays = 5 });
        Assert.True(ordered == HttpStatusCode.OK, order.ToString());
        Assert.Equal("ReturnedForRectification", order.GetProperty("status").GetString());
        Assert.True(order.GetProperty("lookBack").GetProperty("dueAt").GetDateTimeOffset() > TimeProvider.System.GetUtcNow().AddDays(5));
        var figures = (await app.StatisticsAsync(2026)).GetProperty("passRates");
        Assert.Equal((1, 0), (figures.GetProperty("assessed").GetInt32(), figures.GetProperty("passed").GetInt32()));

        // The unit is mailed its link, resubmits, and the county reviews it again.
        var mail = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("【限期整改】", StringComparison.Ordinal));
        Assert.Contains("活动记录不全", mail.Body, StringComparison.Ordinal);
        var earlier = smtp.Messages.Where(m => m.To.Contains("county@example.cn")).ToHashSet();
        using (var resubmitted = await app.SubmitAsync(SampleCounty.TokenOf(mail.LinkWith("/u/")), SampleCounty.SelfSheet(remark: "已补齐活动记录")))
        {
            Assert.Equal(HttpStatusCode.Accepted, resubmitted.StatusCode);
        }

        var number = await app.ReceiptNumberAsync(caseId);
        var task = await smtp.WaitForAsync(m => !earlier.Contains(m) && m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && m.Body.Contains(number, StringComparison.Ordinal));
        (await app.DecideAsync(task.LinkWith("/r/"), "Approve", "整改到位。")).EnsureSuccessStatusCode();
        var passed = await app.WaitForCaseAsync(caseId, c => c.GetProperty("status").GetString() == "Passed");
        Assert.Equal(2, passed.GetProperty("round").GetInt32());
        Assert.Equal(1, (await app.StatisticsAsync(2026)).GetProperty("passRates").GetProperty("passed").GetInt32());
        var history = await AuditTextAsync(app, caseId);
        Assert.Contains("回头看限期整改", history, StringComparison.Ordinal);
        Assert.Contains("整改后重新提交", history, StringComparison.Ordinal);
    }

    private static async Task<string> AuditTextAsync(RunningApp app, string stream) =>
        string.Join("\n", (await app.Services.GetRequiredService<AuditLog>().ReadAsync(stream, CancellationToken.None)).Select(e => $"{e.Action} {e.Detail}"));

    private static IReadOnlyList<string> Units(JsonElement lookBack) =>
        [.. lookBack.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitCode").GetString()!)];
}
