namespace GuanGong.Functions.Calendars;

/// <summary>
/// A submission reminder that went out to one unit (partition <c>{campaignId}-{year}</c>, row <c>{unitCode}-{deadline}-{days}</c>),
/// written after its mail: a timer run again after a crash skips the units it already reminded; a deadline moved by the
/// organiser reminds again. Versioned contract.
/// </summary>
public sealed record SubmissionReminderRecord(int SchemaVersion, string CampaignId, int Year, string UnitCode, int WorkingDaysBefore, string Email, DateTimeOffset SentAt)
{
    public const int CurrentSchemaVersion = 1;

    public static string Row(string unitCode, DateOnly deadline, int workingDaysBefore) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unitCode}-{deadline:yyyyMMdd}-{workingDaysBefore}");
}
