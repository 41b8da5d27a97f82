using System.Diagnostics;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// Times an action and samples this process's working set and managed heap every 10 ms while it
/// runs. The app runs in this process, so the growth includes the sending client's buffers too:
/// an upper bound on the app's own.
/// </summary>
public static class MemorySampler
{
    public sealed record Figures(TimeSpan Elapsed, long WorkingSetGrowth, long HeapGrowth);

    public static async Task<Figures> MeasureAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(false);
        long workingSetPeak = workingSetBefore, heapPeak = heapBefore;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, process.WorkingSet64);
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(false));
                await Task.Delay(10, CancellationToken.None);
            }
        });
        var clock = Stopwatch.StartNew();
        await action();
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        return new Figures(clock.Elapsed, workingSetPeak - workingSetBefore, heapPeak - heapBefore);
    }
}
