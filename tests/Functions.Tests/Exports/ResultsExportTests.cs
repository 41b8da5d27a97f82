using System.Net;
using System.Text;
using GuanGong.Functions.Tests.Builders;
using GuanGong.Functions.Tests.Ledgers;

namespace GuanGong.Functions.Tests.Exports;

public sealed class ResultsExportTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task Csv_Admin_OneRowPerUnitWithChineseLabelsAndChinaTime()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/results.csv", adminKey: SeededApp.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("五好基层关工委创建-示例县关工委-2026年评估结果.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("单位编码,单位名称,所属乡镇（街道）,类别,状态,自评得分,最终得分,结论,是否超时移交,办结时间", lines[0]);
        Assert.Equal(
            [
                "LG-T1-V1,东村关工委,东镇关工委,村,达标,100,90,达标,否,2026-04-10 15:30",
                "LG-T1-V2,南村关工委,东镇关工委,村,未达标,60,60,未达标,是,2026-04-09 15:30",
                "LG-T1-V3,东镇中心小学关工委,东镇关工委,学校,审核中,100,,,否,",
                "LG-T2-V1,西村关工委,西镇关工委,村,未参评,,,,否,",
            ],
            lines[1..].Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Xlsx_CommitteeOwnSubtree_IsAWorkbookWithNumericScoresForItsUnitsOnly()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/results.xlsx?root={TreeBuilder.Township1}", apiKey: await app.ApiKeyForAsync(TreeBuilder.Township1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("东镇关工委-2026年评估结果.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        // Read back as Excel reads it (MiniExcel): three units and a header, the final score a number.
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(3, rows.Count);
        var passed = rows.Single(r => (string)r["单位编码"] == "LG-T1-V1");
        Assert.IsNotType<string>(passed["最终得分"]);
        Assert.Equal(90d, Convert.ToDouble(passed["最终得分"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_CommitteeOutsideTheSubtree_Answers403(string format)
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/results.{format}?root={TreeBuilder.Township1}", apiKey: await app.ApiKeyForAsync(TreeBuilder.Township2));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("forbidden", (await LedgerUploadTests.ProblemAsync(response)).Code);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Export_NoCredential_Answers401(string format)
    {
        using var response = await SendAsync($"/api/campaigns/any/results.{format}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Export_UnknownCampaign_Answers404()
    {
        using var response = await SendAsync("/api/campaigns/no-such-campaign/results.csv", adminKey: SeededApp.AdminKey);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Export_YearOutsideTheCampaign_Answers400NamingYear()
    {
        var campaignId = await SeededCampaign.SeedAsync(app);

        using var response = await SendAsync($"/api/campaigns/{campaignId}/results.xlsx?year=2020", adminKey: SeededApp.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"path\":\"year\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? adminKey = null, string? apiKey = null)
    {
        using var request = SeededApp.Request(HttpMethod.Get, path, adminKey: adminKey, apiKey: apiKey);
        return await app.Client.SendAsync(request);
    }
}
