using Microsoft.Azure.Functions.Worker;

namespace GuanGong.Functions.Calendars;

/// <summary>
/// Every hour, the reminders the campaign calendars set (N working days before the submission deadline) go to the units
/// that have not submitted. Each unit is reminded once per point, so an hourly run, a run again after a crash or a second
/// instance sends nothing twice (a reminder row is written after its mail).
/// </summary>
public sealed class SubmissionReminderTimer(SubmissionChaser chaser)
{
    public const string Schedule = "0 0 * * * *";

    [Function("SubmissionReminders")]
    public Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken ct) => chaser.RemindDueAsync(ct);
}
