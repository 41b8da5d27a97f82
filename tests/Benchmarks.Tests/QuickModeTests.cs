using Xunit.Abstractions;

namespace GuanGong.Benchmarks.Tests;

/// <summary>Runs the quick mode end to end: every benchmark still produces a number. Speed is not judged here.</summary>
public sealed class QuickModeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunAsync_QuickMode_EveryMetricProducesANumber()
    {
        using var log = new StringWriter();
        var report = await BenchmarkRunner.RunAsync(BenchmarkMode.Quick, log);
        output.WriteLine(log.ToString());
        output.WriteLine(ResultTable.ToMarkdown(report));

        Assert.Equal(BenchmarkRunner.All().Select(b => b.Name), report.Results.Select(r => r.Metric));
        Assert.All(report.Results, r => Assert.True(double.IsFinite(r.Value), $"{r.Metric}: {r.Figure} {r.Note}"));
        Assert.All(report.Results, r => Assert.Null(r.Met));
    }
}
