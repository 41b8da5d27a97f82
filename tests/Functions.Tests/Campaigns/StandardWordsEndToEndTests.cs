using System.Net;
using GuanGong.Domain;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>
/// A 六好 campaign on the documents' own standard (six-good v2) on the running app: the organiser's numbers with their
/// 示例 marks, set before launch and locked after; the campaign's standard named in the mail and on every page header
/// (never a hard-coded 五好); yes/no items as 是/否 choices; 示例 beside the values the template invented.
/// </summary>
public sealed class StandardWordsEndToEndTests
{
    private static readonly StandardTemplate SixGood = TemplateLoader.GetLatest("six-good");

    [Fact]
    public async Task SixGoodCampaign_NumbersSetBeforeLaunch_LockedAfter_AndNamedInMailAndPages()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(SampleCounty.Campaign() with { Template = SixGood.Pin(), Name = "2026—2028年六好基层关工委创建活动" });
        var numbersPath = $"/api/campaigns/{SampleCounty.CampaignId}/numbers";

        // The shipped numbers are examples: the documents leave them blank.
        var (status, before) = await app.SendAsync(HttpMethod.Get, numbersPath);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("六好基层关工委", before.GetProperty("standardName").GetString());
        Assert.True(before.GetProperty("passThreshold").GetProperty("example").GetBoolean());
        Assert.False(before.GetProperty("locked").GetBoolean());
        Assert.Equal("村、社区、学校", before.GetProperty("countedKindsText").GetString());
        Assert.Contains(before.GetProperty("criteria").EnumerateArray().SelectMany(c => c.GetProperty("items").EnumerateArray()), i => i.TryGetProperty("yesNo", out var yesNo) && yesNo.ValueKind == System.Text.Json.JsonValueKind.True);

        // The organiser sets the pass line: the campaign pins its own template, the value is no longer an example.
        var (set, after) = await app.SendAsync(HttpMethod.Put, numbersPath, new { passThreshold = 85 });
        Assert.True(set == HttpStatusCode.OK, after.GetRawText());
        Assert.Equal(85m, after.GetProperty("passThreshold").GetProperty("value").GetDecimal());
        Assert.False(after.GetProperty("passThreshold").GetProperty("example").GetBoolean());
        Assert.StartsWith("wx2026-", after.GetProperty("templateId").GetString(), StringComparison.Ordinal);
        var (_, campaign) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}");
        Assert.Equal(after.GetProperty("templateId").GetString(), campaign.GetProperty("settings").GetProperty("template").GetProperty("templateId").GetString());

        // Numbers that do not add up are refused with the template's own errors.
        var (bad, _) = await app.SendAsync(HttpMethod.Put, numbersPath, new { passThreshold = 1000 });
        Assert.Equal(HttpStatusCode.BadRequest, bad);

        await app.LaunchAsync(2026);
        var invitation = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("请填报", StringComparison.Ordinal));
        Assert.Contains("六好基层关工委", invitation.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("五好", invitation.Subject + invitation.Body, StringComparison.Ordinal);

        // After launch the numbers are locked.
        var (locked, problem) = await app.SendAsync(HttpMethod.Put, numbersPath, new { passThreshold = 80 });
        Assert.Equal(HttpStatusCode.Conflict, locked);
        Assert.Contains("campaign.numbers_locked", problem.GetRawText(), StringComparison.Ordinal);

        // The unit's page: the campaign's standard in the header, 是/否 for a yes/no item, 示例 beside invented points.
        var page = await app.Client.GetStringAsync(new Uri(invitation.LinkWith("/u/")));
        Assert.Contains("关工委“六好基层关工委”创建", page, StringComparison.Ordinal);
        Assert.DoesNotContain("五好", page.Replace("“五老”", string.Empty, StringComparison.Ordinal).Replace("五老", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("name=\"score_leadership-deputy\" value=\"5\"", page, StringComparison.Ordinal);
        Assert.Contains("否（0 分）", page, StringComparison.Ordinal);
        Assert.Contains($">{StandardTemplate.ExampleLabel}</span>", page, StringComparison.Ordinal);
        Assert.Contains("领导班子建设好", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KindTemplates_SchoolScoredOnItsOwnSheet_VillageOnTheCampaigns()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        var campaign = SampleCounty.Campaign() with { KindTemplates = [new Domain.Campaigns.KindTemplate(Domain.Organisations.CommitteeKind.School, SixGood.Pin())] };
        await app.CreateAsync(campaign);
        await app.LaunchAsync(2026);

        var school = await smtp.WaitForAsync(m => m.To.Contains("school@example.cn") && m.Subject.StartsWith("请填报", StringComparison.Ordinal));
        var village = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("请填报", StringComparison.Ordinal));
        Assert.Contains("六好基层关工委", school.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("六好", village.Subject, StringComparison.Ordinal);

        var schoolPage = await app.Client.GetStringAsync(new Uri(school.LinkWith("/u/")));
        var villagePage = await app.Client.GetStringAsync(new Uri(village.LinkWith("/u/")));
        Assert.Contains("争取相关部门配合好", schoolPage, StringComparison.Ordinal);
        Assert.DoesNotContain("争取相关部门配合好", villagePage, StringComparison.Ordinal);

        // The village submits on the campaign's sheet (five-good-a); its case keeps the pin it was scored on.
        using var submitted = await app.SubmitAsync(SampleCounty.TokenOf(village.LinkWith("/u/")));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
    }

    [Fact]
    public async Task CampaignSchemaTwo_StandardNameAndCountedKinds_AreTakenAtCreationAndUsed()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        var campaign = SampleCounty.Campaign() with
        {
            StandardName = "五有五好基层关工委",
            TownshipRuleKinds = [Domain.Organisations.CommitteeKind.Village, Domain.Organisations.CommitteeKind.Enterprise],
        };
        await app.CreateAsync(campaign);

        var (_, stored) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}");
        Assert.Equal("五有五好基层关工委", stored.GetProperty("settings").GetProperty("standardName").GetString());
        var (_, numbers) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers");
        Assert.Equal("村、企业", numbers.GetProperty("countedKindsText").GetString());

        await app.LaunchAsync(2026);
        var invitation = await smtp.WaitForAsync(m => m.To.Contains("village1@example.cn") && m.Subject.StartsWith("请填报", StringComparison.Ordinal));
        Assert.Contains("“五有五好基层关工委”", invitation.Subject, StringComparison.Ordinal);
        var page = await app.Client.GetStringAsync(new Uri(invitation.LinkWith("/u/")));
        Assert.Contains("关工委“五有五好基层关工委”创建", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Numbers_CommitteeOtherThanTheOrganiser_IsRefused()
    {
        await using var app = await RunningApp.StartAsync();
        await app.CreateAsync(SampleCounty.Campaign() with { Template = SixGood.Pin() });

        var (anonymous, _) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers", adminKey: null);
        var (unknownKind, _) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers?kind=castle");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous);
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind);
        Assert.Equal("六好基层关工委", SixGood.StandardName);
        Assert.Equal("达标", Wording.Passed);
    }
}
