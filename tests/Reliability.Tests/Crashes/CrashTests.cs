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
        var environment = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = azurite.Endpoints.ConnectionString,
            ["GuanGong__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GuanGong__Profile"] = "Local",
            ["GuanGong__LocalStack__StartAzurite"] = "false",
            ["GuanGong__Demo__Seed"] = "false",
            ["GuanGong__AdminKey"] = ReliabilityApp.AdminKey,
            ["GuanGong__Mail__Delivery"] = "Smtp",
            ["GuanGong__Mail__Smtp__Host"] = "127.0.0.1",
            ["GuanGong__Mail__Smtp__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["GuanGong__Storage__TablePrefix"] = "k" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = "k" + Guid.NewGuid().ToString("N")[..10],
            ["AzureFunctionsJobHost__extensions__durableTask__maxQueuePollingInterval"] = "00:00:00.500",
            ["AzureFunctionsJobHost__extensions__durableTask__messageVisibilityTimeout"] = "00:00:05",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        await using var host = new HostProcess(environment, workingDirectory, new Uri($"http://127.0.0.1:{port}"));
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/committees", County.Csv(caseCount), "text/csv"));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, "/api/admin/campaigns", DomainJson.Serialize(County.Campaign()), "application/json"));
        await SendUntilAnsweredAsync(client, () => Admin(HttpMethod.Post, $"/api/admin/campaigns/{County.CampaignId}/launch", """{"year":2026}""", "application/json"));

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
            var token = County.TokenOf((await smtp.WaitForAsync(m => m.To.Contains(email) && m.Links.Any(l => l.Contains("/u/", StringComparison.Ordinal)), TimeSpan.FromSeconds(120))).LinkWith("/u/"));
            var answer = await SendUntilAnsweredAsync(client, () => Submit(token, "crash-" + unit));
            if (answer is 202 or 200)
            {
                accepted.Add(County.CaseId(unit));
            }
        }

        foreach (var (reviewer, stage) in new[] { ("town@example.cn", "township"), ("county@example.cn", "county") })
        {
            foreach (var caseId in accepted)
            {
                var link = (await smtp.WaitForAsync(m => m.To.Contains(reviewer) && m.Subject.StartsWith("请审核", StringComparison.Ordinal) && County.SubjectOf(County.TokenOf(m.LinkWith("/r/"))) == caseId, TimeSpan.FromSeconds(120))).LinkWith("/r/");
                await SendUntilAnsweredAsync(client, () => Decide(link, $"{stage} 同意"));
            }
        }

        await killer;
        var verdicts = new Dictionary<string, (string Status, int Decisions)>();
        foreach (var caseId in accepted)
        {
            var state = await WaitForAsync(client, caseId);
            verdicts[caseId] = (state.GetProperty("status").GetString()!, state.GetProperty("decisions").GetArrayLength());
        }

        var mails = smtp.Messages;
        var duplicates = mails.GroupBy(m => $"{string.Join(",", m.To)}|{m.Subject}|{string.Join(",", m.Links.Select(l => County.SubjectOf(County.TokenOf(l))))}").Sum(g => g.Count() - 1);
        var wrong = verdicts.Count(v => v.Value.Status != "Passed");
        var twice = verdicts.Count(v => v.Value.Decisions != 2);
        output.WriteLine($"{caseCount} cases, {host.Kills} SIGKILLs; accepted {accepted.Count}; verdicts: {string.Join(", ", verdicts.Select(v => $"{v.Key}={v.Value.Status}/{v.Value.Decisions} decisions"))}");
        output.WriteLine($"{mails.Count} mails, {duplicates} duplicates");
        ResultsTable.Add("Crashes (SIGKILL)", $"{caseCount} cases (submit, township and county approval), host killed {host.Kills} times at random moments and restarted", $"{caseCount - accepted.Count} submissions lost, {wrong} wrong verdicts, {twice} cases with a decision count ≠ 2, {duplicates} duplicate mails", $"0, 0, 0, ≤ {host.Kills}", accepted.Count == caseCount && wrong == 0 && twice == 0 && duplicates <= host.Kills);

        Assert.Equal(caseCount, accepted.Count);
        Assert.Equal(0, wrong);
        Assert.Equal(0, twice);
        Assert.True(duplicates <= host.Kills, $"{duplicates} duplicate mails for {host.Kills} kills");
    }

    private static HttpRequestMessage Admin(HttpMethod method, string path, string body, string contentType)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Admin-Key", ReliabilityApp.AdminKey);
        return request;
    }

    private static HttpRequestMessage Submit(string unitToken, string idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{County.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(DomainJson.Serialize(new SubmissionRequest(null, null, County.SelfSheet(), County.Report())), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return request;
    }

    private static HttpRequestMessage Decide(string link, string reason) =>
        new(HttpMethod.Post, new Uri("/api/reviews/decisions", UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { token = County.TokenOf(link), action = "approve", reason }), Encoding.UTF8, "application/json"),
        };

    /// <summary>Sends until the app answers with something other than 5xx or a dropped connection (a client retrying through crashes).</summary>
    private static async Task<int> SendUntilAnsweredAsync(HttpClient client, Func<HttpRequestMessage> request)
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
