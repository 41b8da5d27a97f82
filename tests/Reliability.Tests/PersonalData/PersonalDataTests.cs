using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using GuanGong.Functions.Records;
using GuanGong.Reliability.Tests.Infrastructure;
using GuanGong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GuanGong.Reliability.Tests.PersonalData;

/// <summary>
/// Minors' names and ID numbers go in through the form fields and an uploaded register; a full case
/// run later, not one of them is in any log line (Trace and up) or span; the stored register is
/// private in storage, and its download link dies after 15 minutes.
/// </summary>
public sealed class PersonalDataTests(ITestOutputHelper output)
{
    // Sentinels: names and 18-digit ID numbers of (fictional) minors, used nowhere else.
    private static readonly string[] Sentinels = ["张小明", "110101201001011234", "李小红", "11010120110505234X", "王小刚", "110101201209093456"];

    [Fact]
    public async Task FullCase_WithMinorsInFormAndRegister_NoSentinelInLogsOrSpans_LedgerPrivate_LinkExpires()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var logs = new CapturingLoggerProvider();
        var spans = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (spans)
                {
                    spans.Add($"{activity.Source.Name} {activity.DisplayName} {string.Join(",", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} {string.Join(",", activity.Events.Select(e => e.Name + string.Join(";", e.Tags.Select(t => $"{t.Key}={t.Value}"))))}");
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var engine = new EngineSteps();
        using var collector = new OtlpReceiver();
        var options = new AppOptions { Time = clock, Logs = logs, MailOverSmtp = true, ConfigureEngine = engine.AttachTo };
        options.Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        await using var app = await RunningApp.StartAsync(options);
        await app.Client.SetUpCountyAsync(RunningApp.AdminKey, villages: 1);
        var unitToken = await app.Smtp!.UnitTokenAsync("village1@example.cn");
        var caseId = SampleCounty.CaseId("V1");

        var minors = $"受助学生：{Sentinels[0]} {Sentinels[1]}；{Sentinels[2]} {Sentinels[3]}";
        var register = LedgerUploads.Pdf($"帮扶花名册 {Sentinels[4]} {Sentinels[5]} {minors}");
        using (var upload = await app.Client.UploadLedgerAsync(caseId, $"{Sentinels[4]}花名册.pdf", register, bearer: unitToken))
        {
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }

        // An older client still names the file in the query: the URL then carries the name, and the logs must not.
        using (var legacy = new HttpRequestMessage(HttpMethod.Put, new Uri($"/api/cases/{caseId}/items/{SampleCounty.Template.AllItems.Skip(1).First().Id}/ledgers?fileName={Uri.EscapeDataString(Sentinels[2] + "名单.pdf")}", UriKind.Relative)))
        {
            legacy.Content = new ByteArrayContent(register);
            legacy.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            legacy.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
            using var answered = await app.Client.SendAsync(legacy);
            Assert.True(answered.IsSuccessStatusCode, await answered.Content.ReadAsStringAsync());
        }

        // Evidence is gathered before submitting: it is frozen with the submission.
        using (var submitted = await app.Client.SubmitAsync(unitToken, SampleCounty.SelfSheet(remark: minors), SampleCounty.Report(minors)))
        {
            submitted.EnsureSuccessStatusCode();
        }

        var township = (await app.Smtp!.WaitForAsync(m => m.To.Contains("town@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal))).LinkWith("/r/");
        // People open their pages (the token sits in the path): the unit's form and the reviewer's page.
        using (var unitPage = await app.Client.GetAsync(new Uri($"/u/{unitToken}", UriKind.Relative)))
        using (var reviewPage = await app.Client.GetAsync(new Uri(township)))
        {
            Assert.True(unitPage.IsSuccessStatusCode && reviewPage.IsSuccessStatusCode);
        }

        (await DecideAsync(app, township, $"核实 {Sentinels[0]} 情况属实")).EnsureSuccessStatusCode();
        var county = (await app.Smtp!.WaitForAsync(m => m.To.Contains("county@example.cn") && m.Subject.StartsWith("请审核", StringComparison.Ordinal))).LinkWith("/r/");
        (await DecideAsync(app, county, "验收合格。")).EnsureSuccessStatusCode();
        await app.Client.WaitForCaseAsync(RunningApp.AdminKey, caseId, c => c.GetProperty("status").GetString() == "Passed");

        // Downloads: the unit lists its ledgers, fetches the register, and the link dies 15 minutes later.
        using var list = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/cases/{caseId}/ledgers", UriKind.Relative));
        list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", unitToken);
        using var listed = await app.Client.SendAsync(list);
        listed.EnsureSuccessStatusCode();
        var ledger = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("ledgers")[0];
        var downloadUrl = ledger.GetProperty("downloadUrl").GetString()!;
        var lifetime = ledger.GetProperty("downloadExpiresAt").GetDateTimeOffset() - clock.GetUtcNow();
        using var fresh = await app.Client.GetAsync(new Uri(downloadUrl, UriKind.Relative));
        var freshBytes = await fresh.Content.ReadAsByteArrayAsync();
        clock.Advance(TimeSpan.FromMinutes(15).Add(TimeSpan.FromSeconds(1)));
        using var stale = await app.Client.GetAsync(new Uri(downloadUrl, UriKind.Relative));

        // Storage: the blob itself, asked for without credentials.
        var storage = app.Services.GetRequiredService<AppStorage>();
        var container = storage.Blobs.GetBlobContainerClient("ledgers");
        string? blobName = null;
        await foreach (var blob in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = caseId }))
        {
            blobName = blob.Name;
        }

        using var anonymous = new HttpClient();
        var blobUri = new Uri(container.Uri + "/" + blobName);
        using var anonymousBlob = await anonymous.GetAsync(blobUri);
        using var anonymousList = await anonymous.GetAsync(new Uri(container.Uri + "?restype=container&comp=list"));

        // The last log lines and spans of the case are written by its final steps: wait until the engine is quiet.
        await engine.WaitForQuietAsync(app.ConnectionString, app.HubName);
        // Exported spans: what the app's OpenTelemetry exporter posted to the collector, flushed now.
        Assert.True(OpenTelemetry.Trace.TracerProviderExtensions.ForceFlush(app.Services.GetRequiredService<OpenTelemetry.Trace.TracerProvider>(), 10_000));
        string[] lines = [.. logs.Lines];
        string[] spanLines;
        lock (spans)
        {
            spanLines = [.. spans];
        }

        // Each sentinel as written, URL-escaped (request paths and queries) and JSON-escaped (serialized payloads).
        var forms = Sentinels.SelectMany(s => new[] { s, Uri.EscapeDataString(s), JsonSerializer.Serialize(s).Trim('"') }).Distinct().ToArray();
        var logHits = lines.Where(l => forms.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        var spanHits = spanLines.Where(l => forms.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        output.WriteLine($"captured {lines.Length} log lines (Trace and up) and {spanLines.Length} spans over a full case; sentinel hits: logs {logHits.Count}, spans {spanHits.Count}");
        output.WriteLine($"searched for {forms.Length} forms of the sentinels (plain, URL-escaped, JSON-escaped)");
        output.WriteLine("log lines by level and category: " + string.Join(", ", lines.GroupBy(l => string.Join(' ', l.Split(' ').Take(2))).OrderByDescending(g => g.Count()).Take(12).Select(g => $"{g.Key}×{g.Count()}")));
        foreach (var hit in logHits.Concat(spanHits).Take(10))
        {
            output.WriteLine("HIT " + (hit.Length > 400 ? hit[..400] : hit));
        }

        output.WriteLine($"download: fresh {(int)fresh.StatusCode} ({freshBytes.Length} bytes), link lifetime {lifetime}, after 15 min + 1 s {(int)stale.StatusCode}");
        output.WriteLine($"anonymous blob GET {blobUri}: {(int)anonymousBlob.StatusCode}; anonymous container list: {(int)anonymousList.StatusCode}");

        var tokenHits = lines.Count(l => l.Contains(unitToken, StringComparison.Ordinal) || l.Contains(SampleCounty.TokenOf(township), StringComparison.Ordinal));
        // In-process spans before the app's redacting processor may carry the token (the request path); the export must not.
        var rawSpanTokenHits = spanLines.Count(l => l.Contains(unitToken, StringComparison.Ordinal) || l.Contains(SampleCounty.TokenOf(township), StringComparison.Ordinal));
        var exportedTokenHits = collector.CountContaining(unitToken) + collector.CountContaining(SampleCounty.TokenOf(township));
        var exportedBytes = collector.Exports.Sum(e => e.Body.Length);
        output.WriteLine($"spans: {rawSpanTokenHits} in-process spans carry a link token before redaction; {collector.Exports.Count} exports ({exportedBytes} bytes) to the OTLP collector, {exportedTokenHits} carry one");
        foreach (var line in lines.Where(l => l.Contains(unitToken, StringComparison.Ordinal) || l.Contains(SampleCounty.TokenOf(township), StringComparison.Ordinal)).Take(3))
        {
            output.WriteLine("TOKEN " + line[..Math.Min(300, line.Length)]);
        }

        output.WriteLine($"log lines carrying a unit or reviewer link token: {tokenHits}");
        ResultsTable.Add("Personal data in logs", $"{Sentinels.Length} sentinel names/ID numbers of minors in form fields, remarks, register file name and content, review reason; full case run", $"{lines.Length} log lines (Trace, scopes and values included), {spanLines.Length} spans; {logHits.Count + spanHits.Count} hits", "0 hits", logHits.Count + spanHits.Count == 0);
        ResultsTable.Add("Link tokens in logs and spans", "unit and reviewer link tokens (bearer secrets; pages opened by path) searched in the same logs and in the spans the app exported over OTLP to a local collector", $"{tokenHits} log lines; {exportedTokenHits} of {collector.Exports.Count} OTLP exports ({exportedBytes} bytes; {rawSpanTokenHits} in-process spans had one before redaction)", "0, 0", tokenHits == 0 && exportedTokenHits == 0 && collector.Exports.Count > 0);
        ResultsTable.Add("Ledger blobs private", "anonymous GET of the ledger blob URL and container listing on storage", $"blob {(int)anonymousBlob.StatusCode}, list {(int)anonymousList.StatusCode}", "refused", !anonymousBlob.IsSuccessStatusCode && !anonymousList.IsSuccessStatusCode);
        ResultsTable.Add("Download links expire", "download link from the list, fetched fresh and 15 min + 1 s later (fake clock)", $"lifetime {lifetime.TotalMinutes:0.#} min; fresh {(int)fresh.StatusCode}, later {(int)stale.StatusCode}", "≤ 15 min; later 403", lifetime <= TimeSpan.FromMinutes(15) && stale.StatusCode == System.Net.HttpStatusCode.Forbidden);

        Assert.NotNull(blobName);
        Assert.Equal(register, freshBytes);
        Assert.Empty(logHits);
        Assert.Equal(0, tokenHits);
        Assert.Equal(0, exportedTokenHits);
        Assert.NotEmpty(collector.Exports);
        Assert.Empty(spanHits);
        Assert.False(anonymousBlob.IsSuccessStatusCode);
        Assert.False(anonymousList.IsSuccessStatusCode);
        Assert.True(lifetime <= TimeSpan.FromMinutes(15));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.True(lines.Length > 100, "the capture saw the app's logging");
    }

    private static Task<HttpResponseMessage> DecideAsync(RunningApp app, string link, string reason) =>
        app.Client.PostAsync(
            new Uri("/api/reviews/decisions", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { token = SampleCounty.TokenOf(link), action = "approve", reason }), Encoding.UTF8, "application/json"));
}
