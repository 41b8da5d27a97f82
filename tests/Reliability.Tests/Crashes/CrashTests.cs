using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Domain;
using GuanGong.Functions.Submissions;
using GuanGong.LocalStack;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.Crashes;

/// <summary>
/// Cases carried through submission and two approvals while the host process is killed with SIGKILL
/// at random moments and started again: every case reaches its verdict, no accepted submission is
/// lost, no decision is applied twice, and duplicate emails stay within one per crash.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Seed = 4242;

    [Fact]
    public async Task HostKilledRepeatedly_UnderScriptedCases_EveryVerdictRightNothingLostNothingTwice()
    {
        var caseCount = ResultsTable.Size("GG_RELIABILITY_CASES", 6);
        var killCount = ResultsTable.Size("GG_RELIABILITY_KILLS", 3);
        var random = new Random(Seed);
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var port = FreePorts.Take(1)[0];
        var workingDirectory = Directory.CreateTempSubdirectory("gg-crash").FullName;
        var environment = HostProcess.Settings(azurite, smtp, port, "k" + Guid.NewGuid().ToString("N")[..10], "k" + Guid.NewGuid().ToString("N")[..10]);
        await using var host = new HostProcess(environment, workingDirectory, new Uri($"http://127.0.0.1:{port}"));
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/committees", SampleCounty.Csv(caseCount), "text/csv"));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign()), "application/json"));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""", "application/json"));

        using var stop = new CancellationTokenSource();
        var killer = Task.Run(async () =>
        {
            for (var i = 0; i < killCount && !stop.IsCancellationRequested; i++)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 3000)), stop.Token);
                await host.KillAsync();
                await host.StartAsync();
            }
        });

        var units = Enumerable.Range(1, caseCount).Select(i => (Unit: $"V{i}", Email: $"village{i}@example.cn")).ToList();
        var accepted = new List<string>();
        foreach (var (unit, email) in units)
        {
            // The invitations go out in the background while the host keeps dying: the first units wait longest.
            var token = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains(email) && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)), TimeSpan.FromMinutes(10))).LinkWith("/u/"));
            var answer = await SendUntilAnsweredAsync(client, () => Submit(token, "crash-" + unit));
            if (answer is 202 or 200)
            {
                accepted.Add(SampleCounty.CaseId(unit));
            }
        }

        foreach (var (reviewer, stage) in new[] { ("town@example.cn", "township"), ("county@example.cn", "county") })
        {
            foreach (var caseId in accepted)
            {
                var link = (await smtp.WaitForAsync(m => m.To.Contains(reviewer) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && County.SubjectOf(SampleCounty.TokenOf(m.LinkWith("/r/"))) == caseId, TimeSpan.FromSeconds(120))).LinkWith("/r/");
                await SendUntilAnsweredAsync(client, () => Decide(link, $"{stage} 同意"));
            }
        }

        await killer;
        var verdicts = new Dictionary<string, (string Status, int Decisions)>();
        var crashChainBreaks = 0;
        foreach (var caseId in accepted)
        {
            var state = await WaitForAsync(client, caseId);
            verdicts[caseId] = (state.GetProperty("status").GetString()!, state.GetProperty("decisions").GetArrayLength());
            crashChainBreaks += ChainBreaks(state);
        }

        var mails = smtp.Messages;
        var duplicates = mails.GroupBy(m => $"{string.Join(",", m.To)}|{m.Subject}|{string.Join(",", m.Links.Select(l => County.SubjectOf(SampleCounty.TokenOf(l))))}").Sum(g => g.Count() - 1);
        var wrong = verdicts.Count(v => v.Value.Status != "Passed");
        var twice = verdicts.Count(v => v.Value.Decisions != 2);
        output.WriteLine($"{caseCount} cases, {host.Kills} SIGKILLs; accepted {accepted.Count}; verdicts: {string.Join(", ", verdicts.Select(v => $"{v.Key}={v.Value.Status}/{v.Value.Decisions} decisions"))}");
        output.WriteLine($"{mails.Count} mails, {duplicates} duplicates");
        ResultsTable.Add("Crashes (SIGKILL)", $"{caseCount} cases (submit, township and county approval), host killed {host.Kills} times at random moments and restarted", $"{caseCount - accepted.Count} submissions lost, {wrong} wrong verdicts, {twice} cases with a decision count ≠ 2, {crashChainBreaks} audit chain breaks, {duplicates} duplicate mails", $"0, 0, 0, 0, ≤ {host.Kills}", accepted.Count == caseCount && wrong == 0 && twice == 0 && crashChainBreaks == 0 && duplicates <= host.Kills);

        Assert.Equal(caseCount, accepted.Count);
        Assert.Equal(0, wrong);
        Assert.Equal(0, twice);
        Assert.Equal(0, crashChainBreaks);
        Assert.True(duplicates <= host.Kills, $"{duplicates} duplicate mails for {host.Kills} kills");
    }

    [Fact]
    public async Task TwoHostsOnOneTaskHub_CasesSpreadOverBoth_EveryCaseOnceNoDuplicateStepsOrMails()
    {
        var caseCount = ResultsTable.Size("GG_RELIABILITY_CASES", 6);
        var azurite = await SharedAzurite.GetAsync();
        await using var smtp = new SmtpSink();
        var ports = FreePorts.Take(2);
        var (prefix, hub) = ("w" + Guid.NewGuid().ToString("N")[..10], "w" + Guid.NewGuid().ToString("N")[..10]);
        var workingDirectory = Directory.CreateTempSubdirectory("gg-two").FullName;
        await using var first = new HostProcess(HostProcess.Settings(azurite, smtp, ports[0], prefix, hub), workingDirectory, new Uri($"http://127.0.0.1:{ports[0]}"));
        await using var second = new HostProcess(HostProcess.Settings(azurite, smtp, ports[1], prefix, hub), workingDirectory, new Uri($"http://127.0.0.1:{ports[1]}"));
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        using var a = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var b = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        HttpClient Pick(int i) => i % 2 == 0 ? a : b;

        await SendUntilAnsweredAsync(a, () => Admin(HttpMethod.Post, "/api/admin/committees", SampleCounty.Csv(caseCount), "text/csv"));
        await SendUntilAnsweredAsync(b, () => Admin(HttpMethod.Post, "/api/admin/campaigns", DomainJson.Serialize(SampleCounty.Campaign()), "application/json"));
        await SendUntilAnsweredAsync(a, () => Admin(HttpMethod.Post, $"/api/admin/campaigns/{SampleCounty.CampaignId}/launch", """{"year":2026}""", "application/json"));
        var caseIds = new List<string>();
        for (var i = 1; i <= caseCount; i++)
        {
            var token = SampleCounty.TokenOf((await smtp.WaitForAsync(m => m.To.Contains($"village{i}@example.cn") && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)), TimeSpan.FromSeconds(60))).LinkWith("/u/"));
            Assert.Equal(202, await SendUntilAnsweredAsync(Pick(i), () => Submit(token, "two-" + i)));
            caseIds.Add(SampleCounty.CaseId($"V{i}"));
        }

        foreach (var reviewer in new[] { "town@example.cn", "county@example.cn" })
        {
            for (var i = 0; i < caseIds.Count; i++)
            {
                var caseId = caseIds[i];
                var link = (await smtp.WaitForAsync(m => m.To.Contains(reviewer) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && County.SubjectOf(SampleCounty.TokenOf(m.LinkWith("/r/"))) == caseId, TimeSpan.FromSeconds(60))).LinkWith("/r/");
                await SendUntilAnsweredAsync(Pick(i + 1), () => Decide(link, "同意"));
            }
        }

        var repeatedSteps = 0;
        var chainBreaks = 0;
        var wrong = 0;
        foreach (var caseId in caseIds)
        {
            var state = await WaitForAsync(a, caseId);
            wrong += state.GetProperty("status").GetString() == "Passed" && state.GetProperty("decisions").GetArrayLength() == 2 ? 0 : 1;
            // The case's history (audit) lists each step once; a step run by both hosts would show twice.
            var steps = state.GetProperty("history").EnumerateArray().Select(e => string.Join("|", new[] { "action", "actor", "detail" }.Select(p => e.TryGetProperty(p, out var v) ? v.ToString() : string.Empty))).ToList();
            repeatedSteps += steps.Count - steps.Distinct().Count();
            chainBreaks += ChainBreaks(state);
        }

        var duplicates = smtp.Messages.GroupBy(m => $"{string.Join(",", m.To)}|{m.Subject}|{string.Join(",", m.Links.Select(l => County.SubjectOf(SampleCounty.TokenOf(l))))}").Sum(g => g.Count() - 1);
        output.WriteLine($"two hosts, {caseCount} cases spread over both: {wrong} wrong, {repeatedSteps} repeated history steps, {chainBreaks} audit chain breaks, {duplicates} duplicate mails of {smtp.Messages.Count}");
        ResultsTable.Add("Two hosts, one task hub", $"2 app processes on one task hub and tables; {caseCount} cases, requests alternated between them", $"{wrong} wrong verdicts/decision counts, {repeatedSteps} repeated history steps, {chainBreaks} audit chain breaks, {duplicates} duplicate mails", "0, 0, 0, 0", wrong == 0 && repeatedSteps == 0 && chainBreaks == 0 && duplicates == 0);
        Assert.Equal(0, wrong);
        Assert.Equal(0, repeatedSteps);
        Assert.Equal(0, chainBreaks);
        Assert.Equal(0, duplicates);
    }

    /// <summary>Gaps or forks in a case's audit chain: sequences must run 1, 2, 3… and each entry must point at the hash before it.</summary>
    private static int ChainBreaks(JsonElement state)
    {
        var breaks = 0;
        var previous = new string('0', 64);
        var sequence = 1L;
        foreach (var entry in state.GetProperty("history").EnumerateArray())
        {
            breaks += entry.GetProperty("sequence").GetInt64() == sequence && entry.GetProperty("previousHash").GetString() == previous ? 0 : 1;
            previous = entry.GetProperty("hash").GetString()!;
            sequence++;
        }

        return breaks;
    }

    internal static HttpRequestMessage Admin(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", ReliabilityApp.AdminKey);
        return request;
    }

    internal static HttpRequestMessage Submit(string unitToken, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{SampleCounty.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, SampleCounty.SelfSheet(), SampleCounty.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static HttpRequestMessage Decide(string link, string reason) =>
        new(HttpMethod.Post, new Uri("/api/reviews/decisions", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = "approve", reason }), Encoding.UTF8, "application/json"),
        };

    /// <summary>Sends until the app answers with something other than 5xx or a dropped connection (a client retrying through crashes).</summary>
    internal static async Task<int> SendUntilAnsweredAsync(HttpClient client, Func<HttpRequestMessage> request)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                using var message = request();
                using var response = await client.SendAsync(message);
                if ((int)response.StatusCode < 500)
                {
                    return (int)response.StatusCode;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The app never answered.");
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string caseId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        JsonElement state = default;
        while (waited.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}", UriKind.Relative));
                request.Headers.Add("X-Admin-Key", ReliabilityApp.AdminKey);
                using var response = await client.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    state = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
                    if (state.GetProperty("status").GetString() is "Passed" or "Failed" or "Rejected")
                    {
                        return state;
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        return state.ValueKind == JsonValueKind.Undefined ? throw new TimeoutException($"{caseId} never answered") : state;
    }
}
