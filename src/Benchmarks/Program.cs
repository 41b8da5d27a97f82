using GuanGong.Benchmarks;

// dotnet run -c Release --project src/Benchmarks -- [--quick] [--out artifacts/benchmarks] [--only name-part] [--compare-engines]
// --compare-engines runs only the old engine vs DTFx comparison (one run, one Azurite); it is not part of the table.
var mode = args.Contains("--quick") ? BenchmarkMode.Quick : BenchmarkMode.Full;
var output = Argument("--out") ?? Path.Combine("artifacts", "benchmarks");
var only = Argument("--only");
var benchmarks = args.Contains("--compare-engines")
    ? [new GuanGong.Benchmarks.Engine.EngineComparisonBenchmark()]
    : BenchmarkRunner.All().Where(b => only is null || b.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await BenchmarkRunner.RunAsync(mode, Console.Error, benchmarks, cancel.Token);
Console.WriteLine(ResultTable.ToMarkdown(report));
await ResultTable.WriteAsync(report, output, cancel.Token);
Console.Error.WriteLine($"[bench] written to {Path.GetFullPath(output)}/results.md and results.json");
return report.Results.Any(r => double.IsNaN(r.Value)) ? 1 : 0;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
