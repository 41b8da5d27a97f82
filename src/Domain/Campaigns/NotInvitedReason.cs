namespace GuanGong.Domain.Campaigns;

/// <summary>Why a unit in the campaign's scope is left out of a year's launch.</summary>
public enum NotInvitedReason
{
    /// <summary>It passed in an earlier year and stays passed (巩固提高); the county did not choose to re-examine it.</summary>
    AlreadyPassed,

    /// <summary>Its target year is later; it may still apply early (<see cref="YearLaunch.RequestEarly"/>).</summary>
    DueLater,

    /// <summary>Its case of an earlier year is still under way; that case continues.</summary>
    CaseOpen,

    /// <summary>It has no acceptance chain (e.g. no county above it), so nobody could decide its case.</summary>
    NotAssessable,
}
