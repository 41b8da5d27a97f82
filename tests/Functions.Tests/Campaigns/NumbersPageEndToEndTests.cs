using System.Net;
using System.Text.RegularExpressions;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Tests.Workflow;
using GuanGong.Testing;

namespace GuanGong.Functions.Tests.Campaigns;

/// <summary>
/// Issue 15: the organiser's numbers are "changeable on a page before launch". The page at /d/{campaign}/numbers on the
/// running app: sign-in first, the 示例 marks, a change saved only where the organiser changed something, numbers that do
/// not add up refused in Chinese without saving, a form without its nonce refused, and read-only after launch.
/// </summary>
public sealed partial class NumbersPageEndToEndTests
{
    [Fact]
    public async Task NumbersPage_SetBeforeLaunch_RefusesWhatDoesNotAddUp_ReadOnlyAfterLaunch()
    {
        await using var smtp = new SmtpSink();
        await using var app = await AcceptanceChainEndToEndTests.StartAsync(smtp);
        await app.CreateAsync(SampleCounty.Campaign() with { Template = TemplateLoader.GetLatest("six-good").Pin() });
        var path = $"/d/{SampleCounty.CampaignId}/numbers";
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using (var anonymous = await browser.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/d/login?next=", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        using (var login = await browser.PostAsync("/d/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["key"] = RunningApp.AdminKey, ["next"] = path })))
        {
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }

        var page = await browser.GetStringAsync(path);
        Assert.Contains("分值和达标线", page, StringComparison.Ordinal);
        Assert.Contains("示例", page, StringComparison.Ordinal);
        Assert.Contains("领导班子建设好", page, StringComparison.Ordinal);
        var fields = Inputs(page);
        var passBefore = decimal.Parse(fields["pass"], System.Globalization.CultureInfo.InvariantCulture);

        // Change only the pass line: it is set and loses 示例; the untouched values stay examples.
        fields["pass"] = (passBefore - 5).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using (var saved = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal(path + "?saved=1", saved.Headers.Location!.OriginalString);
        }

        var (_, numbers) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers");
        Assert.Equal(passBefore - 5, numbers.GetProperty("passThreshold").GetProperty("value").GetDecimal());
        Assert.False(numbers.GetProperty("passThreshold").GetProperty("example").GetBoolean());
        Assert.True(numbers.GetProperty("criteria")[0].GetProperty("points").GetProperty("example").GetBoolean());
        Assert.Contains("已保存", await browser.GetStringAsync(path + "?saved=1"), StringComparison.Ordinal);

        // A pass line above the total is refused on the page, in Chinese, and nothing changes.
        fields = Inputs(await browser.GetStringAsync(path));
        fields["pass"] = "1000";
        using (var refused = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var body = await refused.Content.ReadAsStringAsync();
            Assert.Contains("没有保存", body, StringComparison.Ordinal);
            Assert.Contains("value=\"1000\"", body, StringComparison.Ordinal); // what was typed stays in the form
        }

        fields["pass"] = "abc";
        using (var notANumber = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
            Assert.Contains("“达标线”请填写 0 到 10000 之间的数字", await notANumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        fields.Remove("nonce");
        fields["pass"] = "60";
        using (var forged = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        (_, numbers) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers");
        Assert.Equal(passBefore - 5, numbers.GetProperty("passThreshold").GetProperty("value").GetDecimal());

        // Confirming the examples sets every shown value as it stands: no 示例 is left.
        fields = Inputs(await browser.GetStringAsync(path));
        fields["confirm"] = "1";
        using (var confirmed = await browser.PostAsync(path, new FormUrlEncodedContent(fields)))
        {
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        }

        (_, numbers) = await app.SendAsync(HttpMethod.Get, $"/api/campaigns/{SampleCounty.CampaignId}/numbers");
        Assert.DoesNotContain("\"example\":true", numbers.GetRawText(), StringComparison.Ordinal);

        await app.LaunchAsync(2026);
        var locked = await browser.GetStringAsync(path);
        Assert.Contains("活动已经启动", locked, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", locked, StringComparison.Ordinal);
        using var late = await browser.PostAsync(path, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    private static Dictionary<string, string> Inputs(string page) =>
        InputPattern().Matches(page)
            .Where(m => m.Groups["name"].Value != "confirm") // a checkbox: sent only when ticked
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input[^>]*name=\"(?<name>[^\"]+)\"[^>]*value=\"(?<value>[^\"]*)\"")]
    private static partial Regex InputPattern();
}
