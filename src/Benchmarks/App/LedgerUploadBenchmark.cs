using System.Globalization;
using System.Net;
using System.Text;
using Azure.Storage.Blobs;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// A large ledger through the app (<c>PUT /api/cases/{caseId}/items/{itemId}/ledgers</c> with the
/// unit's token) against the same bytes put straight into a blob with BlobClient.UploadAsync, in
/// the same run; the app's memory is sampled while it streams.
/// </summary>
public sealed class LedgerUploadBenchmark : IBenchmark
{
    private const string ItemId = "leadership-agenda";
    private const double ShareTarget = 0.70;
    private const long WorkingSetTarget = 64L * 1024 * 1024;

    public string Name => "ledger upload";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var size = context.Mode.LedgerMegabytes * 1024L * 1024;
        var options = new BenchAppOptions();
        options.Settings["GuanGong:Ledgers:MaxBytes"] = (size * 2).ToString(CultureInfo.InvariantCulture);
        await using var app = await BenchApp.StartAsync(context, options);
        await County.SetUpAsync(app, County.Csv(villages: 1), "X1", launch: true);
        var invitation = await app.WaitForMailAsync(m => m.To.Any(t => t.Contains("v1@example.cn", StringComparison.Ordinal)));
        var unitToken = County.TokenOf(County.LinkWith(invitation, "/u/"));
        var caseId = County.CaseId("V1");

        // Direct first, then through the app: both warm (a small upload each beforehand).
        var container = new BlobServiceClient(context.ConnectionString).GetBlobContainerClient("bench-direct-" + Guid.NewGuid().ToString("N")[..8]);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await DirectAsync(container, 1024 * 1024, cancellationToken);
        await ThroughAppAsync(app, caseId, unitToken, 1024 * 1024, cancellationToken);
        var direct = await MemorySampler.MeasureAsync(() => DirectAsync(container, size, cancellationToken));
        var viaApp = await MemorySampler.MeasureAsync(() => ThroughAppAsync(app, caseId, unitToken, size, cancellationToken));
        await container.DeleteAsync(cancellationToken: cancellationToken);

        // The unit's own order: ledgers first (evidence is frozen once submitted), then the submission.
        using (var submit = BenchApp.WithBearer(new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/campaigns/{County.CampaignId}/submissions", UriKind.Relative))
        {
            Content = new StringContent(County.SubmissionJson(), Encoding.UTF8, "application/json"),
        }, unitToken))
        using (var accepted = await app.Client.SendAsync(submit, cancellationToken))
        {
            AcceptedCaseRequestsBenchmark.Expect(accepted, HttpStatusCode.Accepted);
        }

        var directRate = size / direct.Elapsed.TotalSeconds / (1024 * 1024);
        var appRate = size / viaApp.Elapsed.TotalSeconds / (1024 * 1024);
        var share = appRate / directRate;
        return
        [
            new BenchmarkResult(
                Name,
                share,
                "share of direct throughput",
                string.Create(CultureInfo.InvariantCulture, $"{appRate:F0} MiB/s = {share:P0} of direct; working set +{Mib(viaApp.WorkingSetGrowth):F0} MiB (heap +{Mib(viaApp.HeapGrowth):F0} MiB) for {context.Mode.LedgerMegabytes} MiB"),
                string.Create(CultureInfo.InvariantCulture, $"direct BlobClient.UploadAsync {directRate:F0} MiB/s, working set +{Mib(direct.WorkingSetGrowth):F0} MiB"),
                "≥ 70% of direct; working set < +64 MB",
                context.Judge(share >= ShareTarget && viaApp.WorkingSetGrowth < WorkingSetTarget),
                "app in this process: the working-set growth counts the sending HttpClient too (an upper bound); sampled every 10 ms"),
        ];
    }

    private static async Task DirectAsync(BlobContainerClient container, long size, CancellationToken cancellationToken)
    {
        await using var source = new GeneratedPdfStream(size);
        await container.GetBlobClient("direct-" + Guid.NewGuid().ToString("N")).UploadAsync(source, overwrite: true, cancellationToken);
    }

    private static async Task ThroughAppAsync(BenchApp app, string caseId, string unitToken, long size, CancellationToken cancellationToken)
    {
        using var content = new StreamContent(new GeneratedPdfStream(size), 64 * 1024);
        content.Headers.ContentLength = size;
        var path = $"/api/cases/{Uri.EscapeDataString(caseId)}/items/{ItemId}/ledgers?fileName={Uri.EscapeDataString("台账.pdf")}";
        using var request = BenchApp.WithBearer(new HttpRequestMessage(HttpMethod.Put, new Uri(path, UriKind.Relative)) { Content = content }, unitToken);
        using var response = await app.Client.SendAsync(request, cancellationToken);
        AcceptedCaseRequestsBenchmark.Expect(response, HttpStatusCode.Created);
    }

    private static double Mib(long bytes) => bytes / (1024.0 * 1024.0);
}
