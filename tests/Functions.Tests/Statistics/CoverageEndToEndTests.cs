using System.Net;
using System.Text.Json;
using GuanGong.Functions.Tests.Campaigns;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Statistics;

/// <summary>
/// 组建率 on the running app (issue 16, part 1): the organisation CSV's optional 已建关工组织 column lists units without a
/// committee; they are never invited and have no case, but the statistics API's breakdown by kind and the dashboard show
/// 应建 / 已建 / 组建率 / 参评 / 通过 with them in 应建, for the county and for each township. An old CSV imports as before.
/// </summary>
public sealed class CoverageEndToEndTests
{
    // The sample county with the column (empty = 是), plus a village of 城关镇 and an enterprise of 东风镇 without a committee.
    private static string Csv()
    {
        var lines = SampleCounty.Csv().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        return string.Join('\n', [lines[0] + ",已建关工组织", .. lines.Skip(1).Select(l => l + ","), "V8,第8村,grassroots,village,T1,,,否", "Q1,东风机械厂,grassroots,enterprise,T2,,,否"]) + "\n";
    }

    [Fact]
    public async Task UnitsWithoutACommittee_CountInShouldEstablishOnly_ForTheCountyAndEachTownship()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        using (var imported = await app.AdminPostAsync("/api/admin/committees", Csv(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            using var body = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
            Assert.Equal(2, body.RootElement.GetProperty("withoutCommittee").GetInt32());
            Assert.Equal(7, body.RootElement.GetProperty("committees").GetInt32());
        }

        (await app.AdminPostAsync("/api/admin/campaigns", Domain.DomainJson.Serialize(SampleCounty.Campaign()))).EnsureSuccessStatusCode();
        var launch = await app.LaunchAsync(2026);
        Assert.DoesNotContain("V8", launch.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Q1", launch.GetRawText(), StringComparison.Ordinal);
        await app.PassVillageAsync(smtp, 1, 2026);

        var county = await app.StatisticsAsync(2026);
        Assert.Equal(3, county.GetProperty("passRates").GetProperty("established").GetInt32()); // committees only
        var village = Kind(county, "village");
        Assert.Equal((3, 2, 1, 1), (village.GetProperty("shouldEstablish").GetInt32(), village.GetProperty("established").GetInt32(), village.GetProperty("assessed").GetInt32(), village.GetProperty("passed").GetInt32()));
        Assert.Equal("66.7%", village.GetProperty("establishmentRate").GetProperty("display").GetString());
        var enterprise = Kind(county, "enterprise");
        Assert.Equal((1, 0), (enterprise.GetProperty("shouldEstablish").GetInt32(), enterprise.GetProperty("established").GetInt32()));
        Assert.Equal("0.0%", enterprise.GetProperty("establishmentRate").GetProperty("display").GetString());
        Assert.Equal("100.0%", Kind(county, "school").GetProperty("establishmentRate").GetProperty("display").GetString());

        // The subtree figures carry it at every level: the county (5 should, 3 with: 60.0%), each township.
        var passRates = county.GetProperty("passRates");
        Assert.Equal((5, "60.0%"), (passRates.GetProperty("shouldEstablish").GetInt32(), passRates.GetProperty("establishmentRate").GetProperty("display").GetString()));
        var children = passRates.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Assert.Equal((3, "66.7%"), (children["T1"].GetProperty("shouldEstablish").GetInt32(), children["T1"].GetProperty("establishmentRate").GetProperty("display").GetString()));
        Assert.Equal((2, "50.0%"), (children["T2"].GetProperty("shouldEstablish").GetInt32(), children["T2"].GetProperty("establishmentRate").GetProperty("display").GetString()));

        // Each township: its own units only.
        var (_, town) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/statistics?year=2026&root=T1");
        Assert.Equal(3, Kind(town, "village").GetProperty("shouldEstablish").GetInt32());
        Assert.DoesNotContain(town.GetProperty("byKind").EnumerateArray(), k => k.GetProperty("kind").GetString() == "enterprise");
        var (_, east) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/statistics?year=2026&root=T2");
        Assert.Equal("0.0%", Kind(east, "enterprise").GetProperty("establishmentRate").GetProperty("display").GetString());
        Assert.Equal("100.0%", Kind(east, "school").GetProperty("establishmentRate").GetProperty("display").GetString());

        // The dashboard's breakdown by kind.
        var page = await app.GetAsAdminAsync($"/d/{SampleCounty.CampaignId}?year=2026");
        Assert.Contains("<th scope=\"col\">组建率</th>", page, StringComparison.Ordinal);
        Assert.Contains("66.7%", page, StringComparison.Ordinal);

        // The export's breakdown by kind (?view=kinds), for the county.
        using (var export = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/results.csv?year=2026&view=kinds", UriKind.Relative)))
        {
            export.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
            using var response = await app.Client.SendAsync(export);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var lines = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("类别,应建,已建,组建率,参评,通过,达标率", lines[0]);
            Assert.Contains("村,3,2,66.7%,1,1,100.0%", lines);
            Assert.Contains("企业,1,0,0.0%,0,0,—", lines);
            Assert.Equal("合计,5,3,60.0%,1,1,100.0%", lines[^1]);
        }

        // An old file (no column) imports as before: every row a committee, nothing without one, full coverage.
        using (var old = await app.AdminPostAsync("/api/admin/committees", SampleCounty.Csv(), "text/csv"))
        {
            Assert.Equal(HttpStatusCode.OK, old.StatusCode);
            using var body = JsonDocument.Parse(await old.Content.ReadAsStringAsync());
            Assert.Equal(0, body.RootElement.GetProperty("withoutCommittee").GetInt32());
        }

        var after = await app.StatisticsAsync(2026);
        Assert.All(after.GetProperty("byKind").EnumerateArray(), k => Assert.Equal(k.GetProperty("established").GetInt32(), k.GetProperty("shouldEstablish").GetInt32()));

        // A bad value in the column is refused on its line, in Chinese.
        using var bad = await app.AdminPostAsync("/api/admin/committees", Csv() + "V9,第9村,grassroots,village,T1,,,也许\n", "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("已建关工组织", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Kind(JsonElement statistics, string kind) =>
        statistics.GetProperty("byKind").EnumerateArray().Single(k => k.GetProperty("kind").GetString() == kind);
}
