using System.Collections.Concurrent;
using System.Text.Json;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.BadInput;

/// <summary>
/// Thousands of generated bad requests against every endpoint of a running app with a live case:
/// no 5xx, nothing stored changes, and every refusal says what is wrong (problem details for
/// programs, a Chinese HTML page for people). It has an Azurite of its own, so the shared ledger
/// and draft containers hold nothing another test wrote meanwhile.
/// </summary>
public sealed class BadInputTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Seed = 20261121;
    private const long UploadLimit = 64 * 1024;

    [Fact]
    public async Task GeneratedBadRequests_EveryEndpoint_NoServerErrorNoStateChangeEveryRefusalExplained()
    {
        var count = ResultsTable.Size("GG_RELIABILITY_REQUESTS", 2_000);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var engine = new EngineSteps();
        var options = new AppOptions { ConnectionString = azurite.ConnectionString, Time = clock, Logs = logs, MailOverSmtp = true, ConfigureEngine = engine.AttachTo };
        options.Settings["GuanGong:Ledgers:MaxBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The run sends the real admin key among wrong ones from one client: the wrong-key limit (its own test, in
        // Hardening) would turn most admin-key requests into 429s and keep them from the function bodies they attack.
        options.Settings["GuanGong:Http:AdminKeyFailuresPerMinute"] = "1000000";
        await using var app = await RunningApp.StartAsync(options);
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 1);
        var unitToken = await app.Smtp!.UnitTokenAsync("village1@example.cn");
        (await app.Client.SubmitAsync(unitToken)).EnsureSuccessStatusCode();
        var caseId = SampleCounty.CaseId("V1");
        var reviewerLink = (await app.Smtp!.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal))).LinkWith("/r/");
        await app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, c => c.GetProperty("status").GetString() == "UnderReview");
        // The setup's work is over when the engine is quiet (the case waits for its reviewer, the invitations are sent).
        await engine.WaitForQuietAsync(app.ConnectionString, app.HubName);

        var endpoints = EndpointShape.From(app.Host.Routes);
        var known = new BadRequestGenerator.Known(RunningApp.AdminKey, unitToken, SampleCounty.TokenOf(reviewerLink), caseId, SampleCounty.CampaignId, SampleCounty.Template.AllItems.First().Id, UploadLimit);
        var generator = new BadRequestGenerator(new Random(Seed), known);
        var requests = Enumerable.Range(0, count).Select(i =>
        {
            var endpoint = endpoints[i % endpoints.Count];
            var message = generator.Build(endpoint, out var kind);
            return (Endpoint: endpoint, Message: message, Kind: kind);
        }).ToList();

        var before = await StateSnapshot.TakeAsync(app);
        var stepsBefore = engine.Done.Count;
        var answers = new ConcurrentBag<(EndpointShape Endpoint, string Kind, int Status, string? Flaw, string Sample)>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (request, ct) =>
        {
            var sample = await DescribeAsync(request.Message);
            var (status, flaw, answer) = await SendAsync(app.Client, request.Endpoint, endpoints, request.Message, ct);
            answers.Add((request.Endpoint, request.Kind, status, flaw, sample + " => " + answer));
            request.Message.Dispose();
        });
        // Anything a request set going (a started instance, a raised event) is queued by the time it was answered:
        // wait until the engine has worked its queues off, then look.
        await engine.WaitForQuietAsync(app.ConnectionString, app.HubName);
        var after = await StateSnapshot.TakeAsync(app);
        var engineSteps = engine.Done.Count - stepsBefore;

        var serverErrors = answers.Count(a => a.Status >= 500);
        var serverRejected = answers.Count(a => a.Flaw == ServerRejected);
        var noFunction = answers.Count(a => a.Flaw == NoFunction);
        var noFile = answers.Count(a => a.Flaw == NoFile);
        var flawed = answers.Where(a => a.Flaw is not null && a.Flaw is not (ServerRejected or NoFunction or NoFile)).ToList();
        var changes = before.Differences(after);
        output.WriteLine($"{answers.Count} bad requests (seed {Seed}) across {endpoints.Count} endpoints; state: {before.RowCount} rows/blobs/instances before, {after.RowCount} after");
        output.WriteLine($"{"endpoint",-60} {"sent",5}  statuses");
        foreach (var group in answers.GroupBy(a => a.Endpoint.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{group.Key,-60} {group.Count(),5}  {string.Join(" ", group.GroupBy(a => a.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Count()}"))}");
        }

        output.WriteLine("by status: " + string.Join(" ", answers.GroupBy(a => a.Status).OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Count()}")));
        output.WriteLine("by attack: " + string.Join(" ", answers.GroupBy(a => a.Kind.Split('+')[0].Split('(')[0]).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}×{s.Count()}")));
        foreach (var flaw in flawed.GroupBy(f => $"{f.Endpoint.Name} {f.Status}: {f.Flaw}").Take(20))
        {
            output.WriteLine($"FLAW ×{flaw.Count()} {flaw.Key} (e.g. {flaw.First().Kind}: {flaw.First().Sample})");
        }

        foreach (var failure in answers.Where(a => a.Status >= 500 || (a.Status is >= 200 and < 300 && a.Endpoint.HasBody)).GroupBy(a => $"{a.Endpoint.Name} {a.Status}").Take(30))
        {
            output.WriteLine($"{failure.Key} ×{failure.Count()} e.g. {failure.First().Kind}: {failure.First().Sample}");
        }

        foreach (var error in logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal))
            .Select(l => l.Split(" | ")[^1].Split('\n')[0]).GroupBy(l => l).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"APP ERROR ×{error.Count()}: {error.Key}");
        }

        foreach (var change in changes)
        {
            output.WriteLine("CHANGED " + change);
        }

        ResultsTable.Add("Bad input", $"{answers.Count} generated bad requests, {endpoints.Count} endpoints, seed {Seed}", $"{serverErrors} × 5xx", "0 × 5xx", serverErrors == 0);
        ResultsTable.Add("Bad input", "stored state before/after (every app table, engine history/instances, blobs, engine instances) and engine steps run meanwhile", $"{changes.Count} parts changed ({before.RowCount} items), {engineSteps} engine steps", "0 changed, 0 steps", changes.Count == 0 && engineSteps == 0);
        ResultsTable.Add("Bad input", "every 4xx explained (problem+json with title; pages: Chinese HTML)", $"{flawed.Count} unexplained; bare answers not from a function: {serverRejected} refused by Kestrel (empty 400/414/431, connection closed), {noFunction} empty 404/405 from the host for a path or method no function's route matches (as the Functions host answers); {noFile} bare 404 for a missing asset/dev-mail file", "0", flawed.Count == 0);

        Assert.Equal(count, answers.Count);
        // The three kinds of 5xx this suite once found (route ids that are no table keys, unreadable page forms,
        // unknown JSON charsets) are fixed in the app's request guards: no 5xx of any kind is allowed.
        Assert.Equal(0, serverErrors);
        Assert.Empty(changes);
        Assert.Equal(0, engineSteps);
        Assert.Empty(flawed);
    }

    private const long JsonLimitForRace = 64 * 1024;

    private const string ServerRejected = "refused by the HTTP server before the app";

    private const string NoFunction = "no function's route matches the path and method (the host's 404 or 405)";

    private const string NoFile = "a file that does not exist";

    private static async Task<(int Status, string? Flaw, string Answer)> SendAsync(HttpClient client, EndpointShape endpoint, IReadOnlyList<EndpointShape> endpoints, HttpRequestMessage message, CancellationToken ct)
    {
        try
        {
            using var response = await client.SendAsync(message, ct);
            var status = (int)response.StatusCode;
            var body = System.Text.Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(ct));
            var path = new Uri(client.BaseAddress!, message.RequestUri!).AbsolutePath;
            return (status, status is >= 400 and < 500 ? Explained(endpoint, endpoints, path, response, body) : null, Shorten(body, 300));
        }
        catch (HttpRequestException e) when (message.Content?.Headers.ContentLength > JsonLimitForRace)
        {
            // The server answered a too-large body before reading it and closed the connection while the client was still sending.
            return (0, ServerRejected, e.Message);
        }
        catch (HttpRequestException e)
        {
            // The server reset the connection (e.g. it stopped reading an oversized body) — not a 5xx, but record it.
            return (0, "connection: " + e.Message, e.Message);
        }
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage message)
    {
        var body = message.Content is null ? string.Empty : System.Text.Encoding.UTF8.GetString(await message.Content.ReadAsByteArrayAsync());
        var headers = string.Join("; ", message.Headers.Select(h => $"{h.Key}: {Shorten(string.Join(",", h.Value), 40)}"));
        return $"{message.Method} {Shorten(message.RequestUri!.OriginalString, 200)} [{headers}] [{message.Content?.Headers.ContentType}] {Shorten(body, 120)}";
    }

    private static string Shorten(string text, int length) =>
        text.Length <= length ? text : text[..length] + $"…({text.Length})";

    private static string? Explained(EndpointShape endpoint, IReadOnlyList<EndpointShape> endpoints, string path, HttpResponseMessage response, string body)
    {
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        // The client sends the path with its dot segments resolved ("items/../ledgers" is "ledgers"), as a browser does.
        // A path that starts "//" would read as a host name: resolve it as the server sees it, a path.
        var sent = Uri.TryCreate(new Uri("http://host/"), "/" + path.TrimStart('/'), out var resolved) ? resolved.AbsolutePath : path;
        if (body.Length == 0 && mediaType is null && (int)response.StatusCode == 405
            && !endpoints.Any(e => e.Method == endpoint.Method && e.Matches(sent)))
        {
            return NoFunction; // a route of another function answers, for another method: the host's 405
        }

        if (body.Length == 0 && mediaType is null && (int)response.StatusCode == 404)
        {
            if (!endpoints.Any(e => e.Matches(sent)))
            {
                return NoFunction;
            }

            if (endpoint.IsFile)
            {
                return NoFile;
            }
        }

        if (body.Length == 0 && mediaType is null && response.Headers.ConnectionClose == true && (int)response.StatusCode is 400 or 414 or 431)
        {
            // Kestrel refuses a malformed request line or header (NUL, raw control characters, over-long URL) before any app code runs.
            return ServerRejected;
        }

        if (endpoint.IsHtmlPage && mediaType == "text/html")
        {
            return body.Any(c => c is >= '\u4e00' and <= '\u9fff') ? null : "HTML page without a Chinese message";
        }

        if (mediaType != "application/problem+json")
        {
            return $"content type '{mediaType ?? "none"}' ({body.Length} chars)";
        }

        if (endpoint.Method == "HEAD" && body.Length == 0)
        {
            return null; // HEAD answers carry the GET's headers and no body: a problem+json refusal without its text
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("title", out var title) && title.GetString() is { Length: > 0 } ? null : "problem without a title";
        }
        catch (JsonException)
        {
            return "problem+json that does not parse";
        }
    }
}
