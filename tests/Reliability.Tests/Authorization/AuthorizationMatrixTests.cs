using System.Net.Http.Headers;
using System.Text.Json;
using GuanGong.Functions.Reviews;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Authorization;

/// <summary>
/// Every role against every subtree's cases, ledgers, statistics and exports on the running app:
/// whatever lies outside a role's own subtree is refused (401, 403 or 404), never answered with data, and
/// whatever lies inside it is answered (200), so the matrix cannot pass by refusing everything.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output)
{
    private sealed record Role(string Name, string? Scope, Action<HttpRequestMessage> Sign, string? QueryToken = null);

    private sealed record Target(string Name, string Owner, string Path);

    [Fact]
    public async Task EveryRole_OtherSubtreesRefused_OwnSubtreeAllowed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        await using var app = await RunningApp.StartAsync(new AppOptions { Time = clock, MailOverSmtp = true });
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 2);
        var v1 = await app.Smtp!.UnitTokenAsync("village1@example.cn");
        var v2 = await app.Smtp!.UnitTokenAsync("village2@example.cn");
        var e1 = await app.Smtp!.UnitTokenAsync("school@example.cn");
        foreach (var token in new[] { v1, v2, e1 })
        {
            (await app.Client.SubmitAsync(token)).EnsureSuccessStatusCode();
        }

        var cases = new Dictionary<string, string> { ["V1"] = SampleCounty.CaseId("V1"), ["V2"] = SampleCounty.CaseId("V2"), ["E1"] = SampleCounty.CaseId("E1") };
        foreach (var (unit, caseId) in cases)
        {
            await app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, c => c.GetProperty("status").GetString() == "UnderReview");
            using var upload = await UploadAsAdminAsync(app, caseId);
            upload.EnsureSuccessStatusCode();
        }

        var reviewerToken = SampleCounty.TokenOf((await app.Smtp!.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal)
            && LinkTokens.SubjectOf(SampleCounty.TokenOf(m.LinkWith("/r/"))) == cases["V1"])).LinkWith("/r/"));
        var links = app.Services.GetRequiredService<ReviewLinks>();
        var t1Dashboard = links.DashboardToken("T1", "town@example.cn", clock.GetUtcNow().AddDays(30));
        var t2Dashboard = links.DashboardToken("T2", "east@example.cn", clock.GetUtcNow().AddDays(30));
        var t1Key = await ApiKeyAsync(app, "T1");
        var t2Key = await ApiKeyAsync(app, "T2");

        Role[] roles =
        [
            new("admin key", "*", r => r.Headers.Add("X-Admin-Key", RunningApp.AdminKey)),
            new("unit link V1", "unit:V1", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", v1), v1),
            new("API key T1", "T1", r => r.Headers.Add("X-Api-Key", t1Key)),
            new("dashboard link T1", "T1", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t1Dashboard), t1Dashboard),
            new("API key T2", "T2", r => r.Headers.Add("X-Api-Key", t2Key)),
            new("dashboard link T2", "T2", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", t2Dashboard), t2Dashboard),
            new("reviewer task link V1", "task:V1", r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reviewerToken), reviewerToken),
            new("anonymous", null, _ => { }),
        ];
        var c = SampleCounty.CampaignId;
        var targets = new List<Target>();
        foreach (var (unit, caseId) in cases)
        {
            targets.Add(new($"case {unit}", unit, $"/api/cases/{caseId}"));
            targets.Add(new($"ledgers {unit}", unit, $"/api/cases/{caseId}/ledgers"));
            targets.Add(new($"dashboard case {unit}", unit, $"/d/{c}/cases/{caseId}"));
        }

        foreach (var root in new[] { "T1", "T2", "X1" })
        {
            targets.Add(new($"statistics {root}", root, $"/api/campaigns/{c}/statistics?root={root}"));
            targets.Add(new($"results.csv {root}", root, $"/api/campaigns/{c}/results.csv?root={root}"));
            targets.Add(new($"results.xlsx {root}", root, $"/api/campaigns/{c}/results.xlsx?root={root}"));
            targets.Add(new($"dashboard {root}", root, $"/d/{c}?root={root}"));
        }

        // Redirects are not followed: a refused page answers 302 to the login page, which itself answers 200. No cookie jar
        // either: a dashboard link's ?t= is exchanged for a cookie (303 to the URL without it), which is followed by hand
        // for that one request, so no role's cookie reaches another role's request.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        var leaks = new List<string>();
        var refusals = 0;
        var denied = new List<string>();
        var allowed = 0;
        var cells = new Dictionary<(string Role, string Target), int>();
        foreach (var role in roles)
        {
            foreach (var target in targets)
            {
                var path = role.QueryToken is not null && target.Path.StartsWith("/d/", StringComparison.Ordinal)
                    ? target.Path + (target.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "t=" + Uri.EscapeDataString(role.QueryToken)
                    : target.Path;
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
                role.Sign(request);
                using var response = await SendFollowingLinkExchangeAsync(client, request, role);
                var status = (int)response.StatusCode;
                cells[(role.Name, target.Name)] = status;
                if (MayRead(role.Scope, target))
                {
                    // Inside the role's own subtree the answer is the data itself (pages: the page, not a login redirect).
                    if (status == 200)
                    {
                        allowed++;
                    }
                    else if (!(role.Scope == "*" && target.Name.StartsWith("dashboard", StringComparison.Ordinal)))
                    {
                        denied.Add($"{role.Name} → {target.Name} ({path}): {status}");
                    }
                }
                else
                {
                    if (status is 401 or 403 or 404 || (status is 302 && response.Headers.Location?.OriginalString.StartsWith("/d/login", StringComparison.Ordinal) == true))
                    {
                        refusals++;
                    }
                    else
                    {
                        leaks.Add($"{role.Name} → {target.Name} ({path}): {status}");
                    }
                }
            }
        }

        output.WriteLine($"{"target",-22}" + string.Concat(roles.Select(r => $" | {r.Name,-21}")));
        foreach (var target in targets)
        {
            output.WriteLine($"{target.Name,-22}" + string.Concat(roles.Select(r =>
            {
                var status = cells[(r.Name, target.Name)];
                var mark = MayRead(r.Scope, target) ? "own" : status is 401 or 403 or 404 or 302 ? "refused" : "LEAK";
                return $" | {status} {mark,-17}";
            })));
        }

        foreach (var leak in leaks)
        {
            output.WriteLine("LEAK " + leak);
        }

        foreach (var refused in denied)
        {
            output.WriteLine("DENIED OWN " + refused);
        }

        var foreign = cells.Count(cell => !MayRead(roles.First(r => r.Name == cell.Key.Role).Scope, targets.First(t => t.Name == cell.Key.Target)));
        var own = cells.Count - foreign;
        ResultsTable.Add("Authorization matrix", $"{roles.Length} roles × {targets.Count} resources (cases, ledgers, statistics, CSV/XLSX exports, dashboard) = {cells.Count} requests; {foreign} outside the role's subtree, {own} inside it (admin key on dashboard pages not counted: pages sign in by link)", $"outside: {refusals} refused, {leaks.Count} answered; inside: {allowed} answered 200, {denied.Count} refused", "every outside request refused (401/403/404/login redirect), every inside request answered 200", leaks.Count == 0 && denied.Count == 0);
        Assert.Empty(leaks);
        Assert.Empty(denied);
        Assert.All(targets.Where(t => !t.Name.StartsWith("dashboard", StringComparison.Ordinal)), t => Assert.Equal(200, cells[("admin key", t.Name)]));
    }

    private static async Task<HttpResponseMessage> SendFollowingLinkExchangeAsync(HttpClient client, HttpRequestMessage request, Role role)
    {
        var response = await client.SendAsync(request);
        if (response.StatusCode != System.Net.HttpStatusCode.SeeOther || !response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            return response;
        }

        using var exchanged = new HttpRequestMessage(HttpMethod.Get, response.Headers.Location);
        role.Sign(exchanged);
        exchanged.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        response.Dispose();
        return await client.SendAsync(exchanged);
    }

    /// <summary>Whether a role may see a target: its own unit's case (API), its own subtree, or for a task link its own case's ledgers.</summary>
    private static bool MayRead(string? scope, Target target) => scope switch
    {
        "*" => true,
        null => false,
        // A unit's link opens its own form (/u/) and its case and ledgers through the API; the dashboard is for committees.
        "unit:V1" => target.Owner == "V1" && !target.Name.StartsWith("dashboard", StringComparison.Ordinal),
        "task:V1" => target.Owner == "V1" && target.Name.StartsWith("ledgers", StringComparison.Ordinal),
        "T1" => target.Owner is "T1" or "V1" or "V2",
        "T2" => target.Owner is "T2" or "E1",
        _ => false,
    };

    private static async Task<HttpResponseMessage> UploadAsAdminAsync(RunningApp app, string caseId)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{SampleCounty.Template.AllItems.First().Id}/ledgers?fileName=register.pdf", UriKind.Relative))
        {
            Content = new ByteArrayContent(LedgerUploads.Pdf("台账")),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Headers.Add("X-Admin-Key", RunningApp.AdminKey);
        return await app.Client.SendAsync(request);
    }

    private static async Task<string> ApiKeyAsync(RunningApp app, string code)
    {
        using var response = await app.Client.AdminPostAsync(RunningApp.AdminKey, $"/api/admin/committees/{code}/api-keys", string.Empty);
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("apiKey").GetString()!;
    }
}
