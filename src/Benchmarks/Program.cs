using GuanGong.Benchmarks;

// dotnet run -c Release --project src/Benchmarks -- [--quick] [--out artifacts/benchmarks] [--only name-part] [--skip name-part]
//   [--set Key=Value]... (settings for every app, e.g. AzureFunctionsJobHost:extensions:durableTask:storageProvider:partitionCount=2)
//   [--idle-window seconds] [--idle-settle seconds] (the idle benchmark's window and settling time)
// The old engine vs DTFx comparison (one run) is recorded in docs/benchmarks.md; its code went with the old engine.
var mode = args.Contains("--quick") ? BenchmarkMode.Quick : BenchmarkMode.Full;
if (Argument("--idle-window") is { } window)
{
    mode = mode with { IdleWindow = TimeSpan.FromSeconds(int.Parse(window, System.Globalization.CultureInfo.InvariantCulture)) };
}

if (Argument("--idle-settle") is { } settle)
{
    mode = mode with { IdleSettle = TimeSpan.FromSeconds(int.Parse(settle, System.Globalization.CultureInfo.InvariantCulture)) };
}

var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
for (var i = 0; i < args.Length - 1; i++)
{
    if (args[i] == "--set" && args[i + 1].Split('=', 2) is [var key, var value])
    {
        settings[key] = value;
    }
}

var output = Argument("--out") ?? Path.Combine("artifacts", "benchmarks");
var only = Argument("--only");
var skip = Argument("--skip");
var benchmarks = BenchmarkRunner.All()
    .Where(b => only is null || b.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
    .Where(b => skip is null || !b.Name.Contains(skip, StringComparison.OrdinalIgnoreCase))
    .ToList();

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var report = await BenchmarkRunner.RunAsync(mode, Console.Error, benchmarks, cancel.Token, settings);
Console.WriteLine(ResultTable.ToMarkdown(report));
await ResultTable.WriteAsync(report, output, cancel.Token);
Console.Error.WriteLine($"[bench] written to {Path.GetFullPath(output)}/results.md and results.json");
return report.Results.Any(r => double.IsNaN(r.Value)) ? 1 : 0;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
