namespace GuanGong.Domain.Calendar;

/// <summary>
/// The calendar an organiser sets for one campaign year: the day units must have submitted by, how many working days before
/// it those who have not are reminded, and the year-end acceptance window. The checks the documents prescribe
/// ("每季检查一次" for townships, "每半年检查一次" for the county) follow from the year itself. Persisted as JSON.
/// </summary>
/// <param name="SchemaVersion">Version of this JSON shape; <see cref="CurrentSchemaVersion"/> today.</param>
/// <param name="CampaignId">The campaign.</param>
/// <param name="Year">The campaign year.</param>
/// <param name="SubmissionDeadline">The last day (China local, until 24:00) a unit may submit its self-assessment.</param>
/// <param name="ReminderWorkingDays">Working days before the deadline on which units that have not submitted are reminded, e.g. [5, 1].</param>
/// <param name="AcceptanceStart">First day of the year-end acceptance window (验收).</param>
/// <param name="AcceptanceEnd">Last day of the acceptance window (inclusive).</param>
public sealed record CampaignYearCalendar(
    int SchemaVersion,
    string CampaignId,
    int Year,
    DateOnly SubmissionDeadline,
    IReadOnlyList<int> ReminderWorkingDays,
    DateOnly AcceptanceStart,
    DateOnly AcceptanceEnd)
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The most working days ahead a reminder may be set.</summary>
    public const int MaxReminderWorkingDays = 30;

    /// <summary>The calendar's problems, in Chinese and English; empty when it is sound.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (SchemaVersion != CurrentSchemaVersion)
        {
            errors.Add(new("schemaVersion", "calendar.schema_version", $"不支持的格式版本 {SchemaVersion}。", $"Unsupported schema version {SchemaVersion}."));
        }

        if (SubmissionDeadline.Year < Year || SubmissionDeadline.Year > Year + 1)
        {
            errors.Add(new("submissionDeadline", "calendar.deadline_year", $"申报截止日期应在 {Year} 年内（最迟次年）。", "The submission deadline must fall in the campaign year (or the next)."));
        }

        if ((ReminderWorkingDays ?? []).Any(d => d is < 1 or > MaxReminderWorkingDays))
        {
            errors.Add(new("reminderWorkingDays", "calendar.reminder_range", $"提醒时间应为截止前 1 到 {MaxReminderWorkingDays} 个工作日。", $"Reminders must be 1 to {MaxReminderWorkingDays} working days before the deadline."));
        }

        if ((ReminderWorkingDays ?? []).Distinct().Count() != (ReminderWorkingDays ?? []).Count)
        {
            errors.Add(new("reminderWorkingDays", "calendar.reminder_duplicate", "提醒时间有重复。", "A reminder is listed twice."));
        }

        if (AcceptanceEnd < AcceptanceStart)
        {
            errors.Add(new("acceptanceEnd", "calendar.window_order", "验收结束日期不能早于开始日期。", "The acceptance window ends before it starts."));
        }

        if (AcceptanceStart <= SubmissionDeadline)
        {
            errors.Add(new("acceptanceStart", "calendar.window_before_deadline", "验收应在申报截止之后开始。", "The acceptance window must start after the submission deadline."));
        }

        return errors;
    }
}
