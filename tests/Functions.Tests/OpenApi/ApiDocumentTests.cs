using System.Net;
using System.Text.Json;

namespace GuanGong.Functions.Tests.OpenApi;

public sealed class ApiDocumentTests
{
    [Fact]
    public async Task Get_OpenApiDocument_IsJsonWithTheTitleAndEveryPath()
    {
        await using var app = await RunningApp.StartAsync();

        using var response = await app.Client.GetAsync(new Uri("/api/openapi.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("3.", document.RootElement.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        Assert.Equal("GuanGong 关工 API", document.RootElement.GetProperty("info").GetProperty("title").GetString());
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[]
        {
            "/api/health",
            "/api/cases/{caseId}/items/{itemId}/ledgers",
            "/api/cases/{caseId}/ledgers",
            "/api/ledgers/content",
            "/api/campaigns/{campaignId}/statistics",
            "/api/campaigns/{campaignId}/results.csv",
            "/api/campaigns/{campaignId}/results.xlsx",
        })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }

        var upload = paths.GetProperty("/api/cases/{caseId}/items/{itemId}/ledgers").GetProperty("put");
        Assert.Equal("UploadLedger", upload.GetProperty("operationId").GetString());
        Assert.True(upload.GetProperty("responses").TryGetProperty("415", out _));
        var statistics = paths.GetProperty("/api/campaigns/{campaignId}/statistics").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.Contains("CampaignStatistics", statistics.GetRawText(), StringComparison.Ordinal);
        var download = paths.GetProperty("/api/ledgers/content").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content");
        Assert.True(download.TryGetProperty("application/pdf", out _));
        Assert.Equal("Ledgers", upload.GetProperty("tags")[0].GetString());
    }
}
