using Microsoft.Extensions.Configuration;
using NCrontab;

namespace GuanGong.LocalHost.Timers;

/// <summary>A timer trigger's CRON schedule (six fields with seconds, or five), <c>%Setting%</c> resolved from configuration.</summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule _schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string functionName, string schedule, IConfiguration configuration)
    {
        var expression = schedule.Trim();
        if (expression.Length > 2 && expression.StartsWith('%') && expression.EndsWith('%'))
        {
            var setting = expression[1..^1];
            expression = configuration[setting]
                ?? throw new InvalidOperationException($"Timer function {functionName}: its schedule names the setting {setting}, which is not set.");
        }

        if (TimeSpan.TryParse(expression, System.Globalization.CultureInfo.InvariantCulture, out _) && !expression.Contains(' ', StringComparison.Ordinal))
        {
            throw new NotSupportedException($"Timer function {functionName}: TimeSpan schedules ('{expression}') are not supported by the local host; use CRON.");
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var parsed = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 })
            ?? throw new FormatException($"Timer function {functionName}: '{expression}' is not a CRON expression.");
        return new TimerSchedule(expression, parsed);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTime Next(DateTime after) => _schedule.GetNextOccurrence(after);
}
