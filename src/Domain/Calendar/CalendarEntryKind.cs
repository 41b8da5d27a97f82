namespace GuanGong.Domain.Calendar;

/// <summary>What a dated entry of a campaign year is.</summary>
public enum CalendarEntryKind
{
    /// <summary>Units that have not submitted are reminded.</summary>
    SubmissionReminder,

    /// <summary>The last day units may submit.</summary>
    SubmissionDeadline,

    /// <summary>A township's quarterly check of its units (每季检查一次), due by the quarter's end.</summary>
    TownshipCheck,

    /// <summary>The county's half-year check (每半年检查一次), due by the half-year's end.</summary>
    CountyCheck,

    /// <summary>The year-end acceptance window (验收).</summary>
    AcceptanceWindow,
}
