using System.Net;
using System.Text.RegularExpressions;
using GuanGong.Reliability.Tests.Infrastructure;

namespace GuanGong.Reliability.Tests.Hardening;

/// <summary>
/// Issue 17 point 3, the reviewer's pending list (<c>/r/{handle}/pending</c>): its links used to carry freshly signed
/// task tokens, so tokens sat in the page's HTML and in the host's request log when followed. Now each is a one-purpose
/// handle under the opening link's path, exchanged (with that link's cookie) for the task's own cookie and a redirect.
/// </summary>
public sealed partial class PendingListLinkTests(HardenedCounty county) : IClassFixture<HardenedCounty>
{
    [Fact]
    public async Task PendingList_Links_CarryNoTokenAndOpenTheTaskThroughItsCookie()
    {
        using var raw = county.RawClient();
        var token = SampleCounty.TokenOf(county.ReviewLink);
        using var first = await raw.GetAsync(new Uri($"/r/{token}", UriKind.Relative));
        var handle = first.Headers.Location!.OriginalString;
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie")).Split(';')[0];

        var (status, html) = await GetAsync(raw, handle + "/pending", cookie);
        var hrefs = Href().Matches(html).Select(m => m.Groups[1].Value).Where(h => h.StartsWith("/r/", StringComparison.Ordinal)).ToList();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("第1村关工委", html, StringComparison.Ordinal);
        var entry = Assert.Single(hrefs);
        Assert.Matches($"^{Regex.Escape(handle)}/pending/[0-9a-f]{{20}}$", entry);
        Assert.DoesNotContain(token, html, StringComparison.Ordinal);
        Assert.DoesNotMatch(TokenShape(), html);

        // Followed with the list's cookie: a cookie for the task's own path and a redirect to it, no token in either URL.
        using var follow = new HttpRequestMessage(HttpMethod.Get, new Uri(entry, UriKind.Relative));
        follow.Headers.Add("Cookie", cookie);
        using var exchanged = await raw.SendAsync(follow);
        var target = exchanged.Headers.Location!.OriginalString;
        var taskCookie = Assert.Single(exchanged.Headers.GetValues("Set-Cookie"));

        Assert.True(exchanged.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.SeeOther, $"{exchanged.StatusCode}");
        Assert.Matches("^/r/h-[0-9a-f]{32}$", target);
        Assert.Contains($"path={target}", taskCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", taskCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", taskCookie, StringComparison.OrdinalIgnoreCase);
        var (reviewStatus, review) = await GetAsync(raw, target, taskCookie.Split(';')[0]);
        Assert.Equal(HttpStatusCode.OK, reviewStatus);
        Assert.Contains("第1村关工委", review, StringComparison.Ordinal);

        // The handle opens nothing without the list's cookie, and a made-up entry finds no task.
        var (bare, bareHtml) = await GetAsync(raw, entry + "?again=1", cookie: null);
        var (madeUp, _) = await GetAsync(raw, $"{handle}/pending/{new string('0', 20)}", cookie);
        Assert.Equal(HttpStatusCode.Forbidden, bare);
        Assert.DoesNotContain("第1村关工委", bareHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, madeUp);

        ResultsTable.Add(
            "Hardening",
            "the reviewer's pending list (/r/{handle}/pending): tokens in its HTML and in the URLs its links open",
            $"{hrefs.Count} link(s), 0 tokens; followed: {(int)exchanged.StatusCode} to a handle with the task's own cookie; without the list's cookie {(int)bare}, made-up entry {(int)madeUp}",
            "no token in page or URL",
            true);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient raw, string path, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await raw.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    // A signed link token: version, key id, payload and signature joined by dots.
    [GeneratedRegex(@"/r/v\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+")]
    private static partial Regex TokenShape();
}
