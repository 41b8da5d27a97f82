using System.Net;
using System.Text.Json;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Tests.Ledgers;

namespace GuanGong.Functions.Tests.Statistics;

public sealed class CampaignStatisticsTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task Get_AdminDefaults_RootIsOrganiserYearIsLaunchYearWithRatesTargetDelaysAndRatings()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var body = await GetOkAsync($"/api/campaigns/{campaignId}/statistics", adminKey: SeededApp.AdminKey);

        var root = body.RootElement;
        Assert.Equal(TreeBuilder.County, root.GetProperty("root").GetString());
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        var county = root.GetProperty("passRates");
        Assert.Equal((4, 2, 1, 1), Counts(county));
        Assert.Equal("50.0%", county.GetProperty("passedOfAssessed").GetProperty("display").GetString());
        Assert.Equal(25.0m, county.GetProperty("passedOfEstablished").GetProperty("percent").GetDecimal());
        var target = county.GetProperty("target");
        Assert.Equal(50m, target.GetProperty("share").GetDecimal());
        Assert.Equal(2, target.GetProperty("required").GetInt32());
        Assert.Equal(1, target.GetProperty("shortfall").GetInt32());
        Assert.False(target.GetProperty("met").GetBoolean());
        var township1 = county.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == TreeBuilder.Township1);
        Assert.Equal((3, 2, 1, 1), Counts(township1));
        Assert.Equal("township", township1.GetProperty("level").GetString());
        var township2 = county.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == TreeBuilder.Township2);
        Assert.Equal("—", township2.GetProperty("passedOfAssessed").GetProperty("display").GetString());

        var lateCase = CaseIds.For(campaignId, 2026, TreeBuilder.Unit3);
        var townshipDelays = root.GetProperty("delays").EnumerateArray().Single(d => d.GetProperty("level").GetString() == "township");
        Assert.Equal(1, townshipDelays.GetProperty("withReviewer").GetInt32());
        Assert.Equal([lateCase], townshipDelays.GetProperty("lateCaseIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal([lateCase], townshipDelays.GetProperty("stuckCaseIds").EnumerateArray().Select(e => e.GetString()));

        var rating = Assert.Single(root.GetProperty("townshipRatings").EnumerateArray());
        Assert.Equal(TreeBuilder.Township1, rating.GetProperty("townshipCode").GetString());
        Assert.True(rating.GetProperty("rated").GetBoolean());

        var villages = root.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == "village");
        Assert.Equal("村", villages.GetProperty("kindName").GetString());
        Assert.Equal(3, villages.GetProperty("established").GetInt32());

        var due = root.GetProperty("targetYear");
        Assert.Equal(2, due.GetProperty("unitsDue").GetInt32());
        Assert.Equal([TreeBuilder.Unit2], due.GetProperty("dueNotPassed").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Get_LaterYear_UsesThatYearsCumulativeTargetAndTheStandingOfEarlierYears()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var body = await GetOkAsync($"/api/campaigns/{campaignId}/statistics?year=2027", adminKey: SeededApp.AdminKey);

        // 三年创建: the 2026 cases still count in 2027 (a unit passed in 2026 stays passed; one still under way stays so).
        var county = body.RootElement.GetProperty("passRates");
        Assert.Equal((4, 2, 1, 1), Counts(county));
        Assert.Equal(80m, county.GetProperty("target").GetProperty("share").GetDecimal());
        Assert.Empty(body.RootElement.GetProperty("townshipRatings").EnumerateArray());
    }

    [Fact]
    public async Task Get_CommitteeApiKeyForItsOwnSubtree_SeesOnlyThatSubtree()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);
        var apiKey = await app.ApiKeyForAsync(TreeBuilder.Township1);

        using var explicitRoot = await GetOkAsync($"/api/campaigns/{campaignId}/statistics?root={TreeBuilder.Township1}", apiKey: apiKey);
        using var defaultRoot = await GetOkAsync($"/api/campaigns/{campaignId}/statistics", apiKey: apiKey);

        Assert.Equal((3, 2, 1, 1), Counts(explicitRoot.RootElement.GetProperty("passRates")));
        Assert.Equal(TreeBuilder.Township1, defaultRoot.RootElement.GetProperty("root").GetString());
    }

    [Theory]
    [InlineData(TreeBuilder.Township2, TreeBuilder.Township1)]
    [InlineData(TreeBuilder.Township1, TreeBuilder.County)]
    public async Task Get_RootOutsideTheCommitteesSubtree_Answers403(string committee, string root)
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/statistics?root={root}", apiKey: await app.ApiKeyForAsync(committee));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await LedgerUploadTests.ProblemAsync(response)).Code);
    }

    [Fact]
    public async Task Get_NoCredential_Answers401()
    {
        using var response = await SendAsync("/api/campaigns/whatever/statistics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_ReviewerTaskLink_Answers401()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);
        var link = app.ReviewerLink(CaseIds.For(campaignId, 2026, TreeBuilder.Unit3), TimeProvider.System.GetUtcNow().AddDays(1));

        using var response = await SendAsync($"/api/campaigns/{campaignId}/statistics?t={Uri.EscapeDataString(link)}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownCampaign_Answers404()
    {
        using var response = await SendAsync("/api/campaigns/no-such-campaign/statistics", adminKey: SeededApp.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownRootAndYearOutsideTheCampaign_Answers400NamingBoth()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/statistics?root=NOPE&year=2031", adminKey: SeededApp.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["root", "year"], body.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()));
    }

    private static (int Established, int Assessed, int Passed, int InProgress) Counts(JsonElement figures) => (
        figures.GetProperty("established").GetInt32(),
        figures.GetProperty("assessed").GetInt32(),
        figures.GetProperty("passed").GetInt32(),
        figures.GetProperty("inProgress").GetInt32());

    private async Task<HttpResponseMessage> SendAsync(string path, string? adminKey = null, string? apiKey = null)
    {
        using var request = SeededApp.Request(HttpMethod.Get, path, adminKey: adminKey, apiKey: apiKey);
        return await app.Client.SendAsync(request);
    }

    private async Task<JsonDocument> GetOkAsync(string path, string? adminKey = null, string? apiKey = null)
    {
        using var response = await SendAsync(path, adminKey, apiKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
