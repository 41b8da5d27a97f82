using System.Reflection;
using GuanGong.LocalHost.Invocation;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuanGong.LocalHost.Timers;

/// <summary>
/// Fires one timer-triggered function on its schedule, on the host's <see cref="TimeProvider"/>.
/// Each occurrence fires once: the next is computed from the last one fired, and occurrences missed
/// while the function ran (or the clock jumped) collapse into one past-due run, as the Functions
/// timer does. Invocations of one function never overlap.
/// </summary>
internal sealed partial class TimerFunctionRunner(
    LocalFunction function,
    TimerSchedule schedule,
    IServiceProvider appServices,
    TimeProvider time,
    Func<Microsoft.DurableTask.Client.DurableTaskClient?> durableClient,
    ILogger logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private int _ticks;

    public int Ticks => Volatile.Read(ref _ticks);

    public string Name => function.Name;

    /// <summary>Runs until <paramref name="stopping"/>; the first occurrence is the one after <paramref name="startedAt"/>.</summary>
    public async Task RunAsync(DateTime startedAt, CancellationToken stopping)
    {
        var last = startedAt;
        var due = schedule.Next(last);
        LogScheduled(logger, function.Name, schedule.Expression, due);
        if (function.Metadata.Trigger?.RunOnStartup == true)
        {
            // As the Functions host does: one run at start, then the schedule.
            await FireAsync(new TimerInfo { IsPastDue = false, ScheduleStatus = new ScheduleStatus { Last = startedAt, Next = due, LastUpdated = startedAt } }, stopping);
        }

        while (!stopping.IsCancellationRequested)
        {
            var wait = due - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    // A timer cannot wait longer than about 49 days (a yearly schedule can): wait at most a day, then look again.
                    await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stopping);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                // A timer may wake a hair early on a real clock; never fire before the occurrence.
                if (time.GetUtcNow().UtcDateTime < due)
                {
                    continue;
                }
            }

            var now = time.GetUtcNow().UtcDateTime;
            var next = schedule.Next(due);
            var pastDue = next <= now;
            if (pastDue)
            {
                next = schedule.Next(now);
            }

            await FireAsync(new TimerInfo
            {
                IsPastDue = pastDue,
                ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = due },
            }, stopping);
            last = due;
            due = next;
        }
    }

    private async Task FireAsync(TimerInfo info, CancellationToken stopping)
    {
        Interlocked.Increment(ref _ticks);
        try
        {
            await using var scope = appServices.CreateAsyncScope();
            var context = new LocalFunctionContext(function.Definition, scope.ServiceProvider, new Dictionary<string, object?>(), stopping);
            await function.InvokeAsync(scope.ServiceProvider, context, (ParameterInfo parameter, Metadata.FunctionBinding? binding, FunctionContext _, out object? value) =>
            {
                if (binding is { } b && string.Equals(b.Type, "durableClient", StringComparison.OrdinalIgnoreCase))
                {
                    value = durableClient() ?? throw new InvalidOperationException("This host runs no Durable engine, so [DurableClient] cannot be bound.");
                    return true;
                }

                value = info;
                return parameter.ParameterType == typeof(TimerInfo);
            }, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer function {Function} on '{Schedule}': first occurrence {Due:O}")]
    private static partial void LogScheduled(ILogger logger, string function, string schedule, DateTime due);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function);
}
