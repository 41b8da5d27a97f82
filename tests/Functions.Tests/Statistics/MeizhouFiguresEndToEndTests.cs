using System.Net;
using System.Text;
using GuanGong.Domain;
using GuanGong.Domain.Cases;
using GuanGong.Functions.Campaigns;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using GuanGong.Functions.Reviews;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Tests.Campaigns;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Functions.Tests.Statistics;

/// <summary>
/// 梅州's city departments as the source reports them — 80 established, 67 assessed, 60 passed, "达标率近90%" — through the
/// running app's statistics API and dashboard: 达标率 89.6% (60/67), 达标面 75.0% (60/80). The 67 cases are stored as the
/// workflow leaves them (60 passed, 4 failed, 2 returned for rectification, 1 closed at its rectification deadline):
/// running 67 workflows would test the workflow, not the figures.
/// </summary>
public sealed class MeizhouFiguresEndToEndTests
{
    private const string CampaignId = "mz2026";

    [Fact]
    public async Task StatisticsApi_MeizhouFigures_PassRate89Point6AndCoverage75Point0()
    {
        await using var app = await RunningApp.StartAsync();
        await SeedAsync(app);

        var figures = (await app.StatisticsAsync(2026, CampaignId)).GetProperty("passRates");

        Assert.Equal(80, figures.GetProperty("established").GetInt32());
        Assert.Equal(67, figures.GetProperty("assessed").GetInt32());
        Assert.Equal(60, figures.GetProperty("passed").GetInt32());
        Assert.Equal(89.6m, figures.GetProperty("passRate").GetProperty("percent").GetDecimal());
        Assert.Equal("89.6%", figures.GetProperty("passRate").GetProperty("display").GetString());
        Assert.Equal(75.0m, figures.GetProperty("coverage").GetProperty("percent").GetDecimal());
        Assert.Equal("75.0%", figures.GetProperty("coverage").GetProperty("display").GetString());

        // The earlier names stay for existing clients, with the same ratios.
        Assert.Equal("89.6%", figures.GetProperty("passedOfAssessed").GetProperty("display").GetString());
        Assert.Equal("75.0%", figures.GetProperty("passedOfEstablished").GetProperty("display").GetString());
    }

    [Fact]
    public async Task Dashboard_MeizhouFigures_ShowsPassRateAndCoverageByTheirNames()
    {
        await using var app = await RunningApp.StartAsync();
        await SeedAsync(app);
        var token = app.Services.GetRequiredService<ReviewLinks>().DashboardToken("MZ", "office@mz.example.cn", TimeProvider.System.GetUtcNow().AddHours(1));

        var page = await app.Client.GetStringAsync(new Uri($"/d/{CampaignId}?year=2026&t={Uri.EscapeDataString(token)}", UriKind.Relative));

        Assert.Contains("达标率", page, StringComparison.Ordinal);
        Assert.Contains("达标面", page, StringComparison.Ordinal);
        Assert.Contains("89.6%", page, StringComparison.Ordinal);
        Assert.Contains("75.0%", page, StringComparison.Ordinal);
        Assert.Contains("已达标", page, StringComparison.Ordinal);
        Assert.DoesNotContain("通过率", page, StringComparison.Ordinal);
        Assert.DoesNotContain("案件", page, StringComparison.Ordinal);
        Assert.Contains("达标率 = 达标单位数", page, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(RunningApp app)
    {
        var csv = new StringBuilder()
            .AppendLine("code,name,level,kind,parent_code,reviewers,fallback_reviewer")
            .AppendLine("MZ,梅州市关工委,city,city,,市审核<city@mz.example.cn>,")
            .AppendLine("MZ-ZS,市直机关关工委,county,市直关工委,MZ,市直审核<zs@mz.example.cn>,")
            .AppendLine("MZ-T,市直机关关工委分会,township,township,MZ-ZS,分会审核<t@mz.example.cn>,");
        for (var i = 1; i <= 80; i++)
        {
            csv.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"MZ-D{i:D2},市直单位{i}关工委,grassroots,机关,MZ-T,联系人{i}<d{i}@mz.example.cn>,");
        }

        (await app.AdminPostAsync("/api/admin/committees", csv.ToString(), "text/csv")).EnsureSuccessStatusCode();
        var campaign = SampleCounty.Campaign() with { Id = CampaignId, Name = "2026年度市直机关五好基层关工委创建", OrganiserCode = "MZ" };
        (await app.AdminPostAsync("/api/admin/campaigns", DomainJson.Serialize(campaign))).EnsureSuccessStatusCode();

        var tree = await app.Services.GetRequiredService<CommitteeDirectory>().GetTreeAsync(CancellationToken.None);
        var cases = app.Services.GetRequiredService<CaseStore>();
        for (var i = 1; i <= 67; i++)
        {
            var (status, stage) = i switch
            {
                <= 60 => (CaseStatus.Passed, 2),
                <= 64 => (CaseStatus.Failed, 2),
                <= 66 => (CaseStatus.ReturnedForRectification, 1),
                _ => (CaseStatus.RectificationExpired, 1),
            };
            Assert.True(await cases.TryAddAsync(new CaseBuilder(tree, CampaignId, 2026, $"MZ-D{i:D2}").InState(status, stage).Build(), CancellationToken.None));
        }

        Assert.Equal(HttpStatusCode.OK, (await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{CampaignId}")).Status);
        Assert.NotNull(await app.Services.GetRequiredService<CampaignStore>().FindAsync(CampaignId, CancellationToken.None));
    }
}
