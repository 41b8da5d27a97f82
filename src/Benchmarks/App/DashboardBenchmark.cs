using System.Diagnostics;
using System.Globalization;
using GuanGong.Functions.Cases;
using GuanGong.Functions.Organisations;
using Microsoft.Extensions.DependencyInjection;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// The campaign dashboard of a city (5,000 units in full mode) with three years of cases seeded
/// straight into the cases table: the time of <c>GET /api/campaigns/{id}/statistics</c>, beside
/// the time the storage query for the year's cases takes on its own.
/// </summary>
public sealed class DashboardBenchmark : IBenchmark
{
    private const double TargetP95Milliseconds = 200;
    private const int LatestYear = 2028;

    public string Name => "dashboard";

    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (counties, townships, villages) = context.Mode == BenchmarkMode.Full ? (10, 10, 50) : (2, 5, 10);
        await using var app = await BenchApp.StartAsync(context);
        var importing = Stopwatch.StartNew();
        await County.SetUpAsync(app, County.City(counties, townships, villages), "C0", launch: false);
        var imported = importing.Elapsed;
        var tree = await app.Services.GetRequiredService<CommitteeDirectory>().GetTreeAsync(cancellationToken);
        var store = app.Services.GetRequiredService<CaseStore>();
        var seeding = Stopwatch.StartNew();
        var seeded = 0;
        await Parallel.ForEachAsync(
            new CaseSeeder(tree).Cases([2026, 2027, LatestYear], LatestYear),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (record, ct) =>
            {
                await store.TryAddAsync(record, ct);
                Interlocked.Increment(ref seeded);
            });
        var seedTime = seeding.Elapsed;
        context.Say(string.Create(CultureInfo.InvariantCulture, $"imported the city in {imported.TotalSeconds:F1} s; seeded {seeded} cases in {seedTime.TotalSeconds:F1} s"));

        var path = $"/api/campaigns/{County.CampaignId}/statistics?year={LatestYear}";
        (await app.AdminGetAsync(path)).EnsureSuccessStatusCode();
        var reads = new List<double>();
        var scans = new List<double>();
        app.Requests.Reset();
        for (var i = 0; i < context.Mode.DashboardReads; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await app.AdminGetAsync(path);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            reads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var requestsPerRead = (double)app.Requests.Total / context.Mode.DashboardReads;
        for (var i = 0; i < Math.Min(10, context.Mode.DashboardReads); i++)
        {
            var started = Stopwatch.GetTimestamp();
            await store.ListAsync(County.CampaignId, LatestYear, cancellationToken);
            scans.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var units = tree.Committees.Count(c => c.Level == GuanGong.Domain.Organisations.CommitteeLevel.Grassroots);
        var p95 = Percentiles.Of(reads, 95);
        return
        [
            new BenchmarkResult(
                Name,
                p95,
                "ms (p95)",
                string.Create(CultureInfo.InvariantCulture, $"p50 {Percentiles.Of(reads, 50):F0} ms / p95 {p95:F0} ms ({reads.Count} reads; {units} units, {seeded} cases over 3 years; {requestsPerRead:F1} storage requests per read)"),
                string.Create(CultureInfo.InvariantCulture, $"the year's cases query alone (CaseStore.ListAsync) p50 {Percentiles.Of(scans, 50):F0} ms; raw insert p50 {context.Baseline.InsertP50Milliseconds:F1} ms"),
                "p95 ≤ 200 ms",
                context.Judge(p95 <= TargetP95Milliseconds),
                string.Create(CultureInfo.InvariantCulture, $"set-up: the city's import through the admin API took {imported.TotalSeconds:F0} s, seeding the cases {seedTime.TotalSeconds:F0} s; requests during the reads: {app.Requests.Snapshot()}")),
        ];
    }
}
