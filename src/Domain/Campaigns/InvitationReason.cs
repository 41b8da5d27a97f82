namespace GuanGong.Domain.Campaigns;

/// <summary>Why a unit gets its link in a year's launch.</summary>
public enum InvitationReason
{
    /// <summary>Its target year (预达标年度) is this year or earlier, and it has not passed yet.</summary>
    TargetYearReached,

    /// <summary>No target year is set yet (year one reviews every unit), and it has not passed yet.</summary>
    NoTargetYear,

    /// <summary>Due in a later year, it asked to apply early and gets its link on request.</summary>
    EarlyApplication,

    /// <summary>It passed earlier and the county chose to re-examine it.</summary>
    ReExamination,
}
