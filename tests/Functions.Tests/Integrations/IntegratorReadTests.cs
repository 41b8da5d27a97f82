using System.Net;
using System.Text.Json;
using GuanGong.Functions.Tests.Builders;

namespace GuanGong.Functions.Tests.Integrations;

/// <summary>
/// What an integrator reads, on the real app and Azurite: a template's rubric at the address its loading answered, the
/// organisation tree within the caller's subtree, the holiday calendar (public, and at the admin address that loads it),
/// and problem details in Chinese for any route no function has.
/// </summary>
public sealed class IntegratorReadTests(SeededApp app) : IClassFixture<SeededApp>
{
    [Fact]
    public async Task LoadTemplate_LocationItAnswers_ReadsTheRubric()
    {
        var shipped = GuanGong.Domain.Standards.TemplateCatalog.Embedded().Templates.First(t => t.Id == "six-good");
        var template = GuanGong.Domain.DomainJson.Serialize(shipped with { Id = "six-good-read" });
        using var loaded = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Post, "/api/admin/templates", SeededApp.AdminKey, content: new StringContent(template, System.Text.Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.Created, loaded.StatusCode);

        using var read = await app.Client.GetAsync(loaded.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var rubric = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        Assert.Equal("six-good-read", rubric.RootElement.GetProperty("id").GetString());
        Assert.Equal(6, rubric.RootElement.GetProperty("criteria").GetArrayLength());
        Assert.True(rubric.RootElement.GetProperty("criteria")[0].GetProperty("items").GetArrayLength() > 0);
    }

    [Theory]
    [InlineData("/api/templates/six-good/1", HttpStatusCode.OK)]
    [InlineData("/api/templates/six-good/99", HttpStatusCode.NotFound)]
    [InlineData("/api/templates/six-good/one", HttpStatusCode.NotFound)]
    [InlineData("/api/templates/no-such-template/1", HttpStatusCode.NotFound)]
    public async Task GetTemplate_ShippedOrMissing_AnswersRubricOrProblem(string path, HttpStatusCode expected)
    {
        using var response = await app.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task ListCommittees_AdminKey_ReadsTheWholeTreeWithoutReviewers()
    {
        using var response = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Get, "/api/committees", SeededApp.AdminKey));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var tree = JsonDocument.Parse(body);
        var codes = tree.RootElement.GetProperty("committees").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(TreeBuilder.County, codes[0]);
        Assert.Contains(TreeBuilder.Unit4, codes);
        Assert.DoesNotContain("@", body, StringComparison.Ordinal);
        Assert.Equal("村", tree.RootElement.GetProperty("committees").EnumerateArray().Single(c => c.GetProperty("code").GetString() == TreeBuilder.Unit1).GetProperty("kindName").GetString());
    }

    [Fact]
    public async Task ListCommittees_TownshipApiKey_ReadsOnlyItsSubtree_AndNotAnother()
    {
        var key = await app.ApiKeyForAsync(TreeBuilder.Township1);
        using var own = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Get, "/api/committees", apiKey: key));
        using var tree = JsonDocument.Parse(await own.Content.ReadAsStringAsync());
        var codes = tree.RootElement.GetProperty("committees").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.Equal(TreeBuilder.Township1, codes[0]);
        Assert.DoesNotContain(TreeBuilder.Unit4, codes);

        using var other = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Get, "/api/committees?root=" + TreeBuilder.Township2, apiKey: key));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        using var anonymous = await app.Client.GetAsync(new Uri("/api/committees", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Holidays_PublicAndAdminReads_ShowShippedAndLoadedYears()
    {
        using var before = JsonDocument.Parse(await app.Client.GetStringAsync(new Uri("/api/holidays", UriKind.Relative)));
        Assert.Contains(2026, before.RootElement.GetProperty("confirmedYears").EnumerateArray().Select(y => y.GetInt32()));
        Assert.Equal("shipped", before.RootElement.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("year").GetInt32() == 2026).GetProperty("origin").GetString());

        using var load = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Post, "/api/admin/holidays", SeededApp.AdminKey, content: new StringContent(Notice2030, System.Text.Encoding.UTF8, "application/json")));
        Assert.Equal(HttpStatusCode.OK, load.StatusCode);

        using var read = await app.Client.SendAsync(SeededApp.Request(HttpMethod.Get, "/api/admin/holidays", SeededApp.AdminKey));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        using var after = JsonDocument.Parse(await read.Content.ReadAsStringAsync());
        var loaded = after.RootElement.GetProperty("notices").EnumerateArray().Single(n => n.GetProperty("year").GetInt32() == 2030);
        Assert.Equal("loaded", loaded.GetProperty("origin").GetString());
        Assert.Equal("2030-01-01", loaded.GetProperty("holidays")[0].GetProperty("start").GetString());

        using var anonymous = await app.Client.GetAsync(new Uri("/api/admin/holidays", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/no-such-thing")]
    [InlineData("GET", "/no/such/page")]
    [InlineData("POST", "/api/campaigns/x/y/z")]
    [InlineData("DELETE", "/")]
    public async Task UnknownRoute_Answers404ProblemInChinese(string method, string path)
    {
        using var response = await app.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("找不到该地址。", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("该地址不存在", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KnownRoute_OtherMethod_Answers405ProblemWithAllow()
    {
        using var response = await app.Client.DeleteAsync(new Uri("/api/holidays", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task UnknownRoute_Browser_GetsAChinesePage()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/u/", UriKind.Relative));
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        using var response = await app.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("找不到该地址", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private const string Notice2030 = """
        {"schemaVersion":1,"year":2030,"source":"测试用通知","publishedOn":"2029-11-01",
         "holidays":[{"name":"元旦","start":"2030-01-01","end":"2030-01-01"}],"makeUpWorkingDays":[]}
        """;
}
