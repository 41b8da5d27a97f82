namespace GuanGong.Functions.Calendars;

/// <summary>The organiser's calendar for one campaign year: the submission deadline, reminders before it (working days), the acceptance window.</summary>
public sealed record CampaignCalendarRequest(int Year, DateOnly SubmissionDeadline, DateOnly AcceptanceStart, DateOnly AcceptanceEnd, IReadOnlyList<int>? ReminderWorkingDays = null);
