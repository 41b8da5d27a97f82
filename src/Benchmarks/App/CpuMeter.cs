using System.Globalization;
using GuanGong.LocalStack;

namespace GuanGong.Benchmarks.App;

/// <summary>
/// CPU time spent so far by this process (the app, its Durable worker and the benchmark's clients) and by Azurite (its
/// guard and the three service processes under it), read from <c>/proc</c>: what a burst costs the machine, beside
/// how long it took. Linux only; elsewhere Azurite reads as zero.
/// </summary>
public static class CpuMeter
{
    /// <summary>Clock ticks per second in <c>/proc/*/stat</c> (USER_HZ, 100 on Linux).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>CPU time so far: this process, and Azurite's table, queue and blob services (the guard counted with blob).</summary>
    public readonly record struct Reading(TimeSpan App, TimeSpan Table, TimeSpan Queue, TimeSpan Blob)
    {
        public TimeSpan Azurite => Table + Queue + Blob;

        public static Reading operator -(Reading after, Reading before) =>
            new(after.App - before.App, after.Table - before.Table, after.Queue - before.Queue, after.Blob - before.Blob);
    }

    public static Reading Read(AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var (table, queue, blob) = AzuriteTime(azurite.ProcessId);
        return new Reading(self.TotalProcessorTime, table, queue, blob);
    }

    private static (TimeSpan Table, TimeSpan Queue, TimeSpan Blob) AzuriteTime(int guard)
    {
        if (!Directory.Exists("/proc"))
        {
            return default;
        }

        long table = 0, queue = 0, blob = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                // pid (comm) state ppid … utime stime: fields 4, 14 and 15; comm may hold spaces, so count from its ')'.
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
                if (pid == guard || parent == guard)
                {
                    var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
                    // A service's command line is "node tools/azurite-service.js <service> …" (NUL-separated).
                    var service = pid == guard ? "blob" : File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').ElementAtOrDefault(2);
                    switch (service)
                    {
                        case "table": table += ticks; break;
                        case "queue": queue += ticks; break;
                        default: blob += ticks; break;
                    }
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return (TimeSpan.FromSeconds(table / TicksPerSecond), TimeSpan.FromSeconds(queue / TicksPerSecond), TimeSpan.FromSeconds(blob / TicksPerSecond));
    }
}
