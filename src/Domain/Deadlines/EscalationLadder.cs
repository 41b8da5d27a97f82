namespace GuanGong.Domain.Deadlines;

/// <summary>
/// The deadline settings of one review stage: the reviewers have <see cref="ReviewerWorkingDays"/> working days, with
/// reminders before the due date; then the fallback reviewer gets <see cref="FallbackWorkingDays"/> more; then the next
/// level up takes the case and it is marked escalated. Persisted in the campaign settings.
/// </summary>
/// <param name="ReviewerWorkingDays">Working days the committee's reviewers have, at least 1.</param>
/// <param name="ReminderWorkingDaysBefore">Reminders, in working days before each due date (0 = the morning of the due date);
/// each must be smaller than the window it falls in, larger values are skipped for a shorter window.</param>
/// <param name="FallbackWorkingDays">Working days the fallback reviewer gets after the reviewers' deadline; 0 skips the fallback step.</param>
/// <param name="ReminderTime">Local time of day reminders are sent (China Standard Time), e.g. 09:00.</param>
public sealed record EscalationLadder(
    int ReviewerWorkingDays,
    IReadOnlyList<int> ReminderWorkingDaysBefore,
    int FallbackWorkingDays,
    TimeOnly ReminderTime)
{
    /// <summary>Five working days, reminders two days and one day before, two more days for the fallback reviewer, reminders at 09:00.</summary>
    public static EscalationLadder Default { get; } = new(5, [2, 1], 2, new TimeOnly(9, 0));

    /// <summary>Validates the settings; paths are relative to the ladder.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (ReviewerWorkingDays is < 1 or > 120)
        {
            errors.Add(new("reviewerWorkingDays", "ladder.days_out_of_range", "审核期限必须在 1 到 120 个工作日之间。", "The reviewers' working days must be between 1 and 120."));
        }

        if (FallbackWorkingDays is < 0 or > 60)
        {
            errors.Add(new("fallbackWorkingDays", "ladder.fallback_out_of_range", "后备审核期限必须在 0 到 60 个工作日之间。", "The fallback working days must be between 0 and 60."));
        }

        for (var i = 0; i < ReminderWorkingDaysBefore.Count; i++)
        {
            var k = ReminderWorkingDaysBefore[i];
            if (k < 0 || k >= ReviewerWorkingDays)
            {
                errors.Add(new($"reminderWorkingDaysBefore[{i}]", "ladder.reminder_out_of_range", $"提醒时间必须在 0 到 {ReviewerWorkingDays - 1} 个工作日之间。", $"A reminder must be 0 to {ReviewerWorkingDays - 1} working days before the due date."));
            }
        }

        if (ReminderWorkingDaysBefore.Distinct().Count() != ReminderWorkingDaysBefore.Count)
        {
            errors.Add(new("reminderWorkingDaysBefore", "ladder.reminder_duplicate", "提醒时间重复。", "A reminder is listed twice."));
        }

        return errors;
    }
}
