using Xunit.Abstractions;

namespace GuanGong.Benchmarks.Tests;

/// <summary>Runs the quick mode end to end: every benchmark still produces its rows, each with a figure. Speed is not judged here.</summary>
public sealed class QuickModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_QuickMode_EveryRowPrintsAFigure()
    {
        using var log = new StringWriter();
        var report = await BenchmarkRunner.RunAsync(BenchmarkMode.Quick, log);
        output.WriteLine(log.ToString());
        var table = ResultTable.ToMarkdown(report);
        output.WriteLine(table);

        Assert.All(BenchmarkRunner.All(), b => Assert.Contains(report.Results, r => r.Metric == b.Name));
        Assert.Contains(report.Results, r => r.Metric == "decision → next reviewer's mail, after idling");
        Assert.All(report.Results, r => Assert.True(double.IsFinite(r.Value), $"{r.Metric}: {r.Figure} {r.Note}"));
        Assert.All(report.Results, r => Assert.False(string.IsNullOrWhiteSpace(r.Figure), r.Metric));
        Assert.All(report.Results, r => Assert.False(string.IsNullOrWhiteSpace(r.Baseline), r.Metric));
        Assert.All(report.Results, r => Assert.Contains($"| {r.Metric} | {r.Figure.Replace("|", "\\|", StringComparison.Ordinal)} |", table, StringComparison.Ordinal));
        Assert.All(report.Results, r => Assert.Null(r.Met));
    }
}
