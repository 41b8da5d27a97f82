using GuanGong.Domain.Cases;

namespace GuanGong.Domain.Statistics;

/// <summary>One of a unit's cases in a campaign (one per campaign year it took part in), as the standing rule reads it.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="Year">The campaign year the case belongs to.</param>
/// <param name="State">The case's current state.</param>
/// <param name="Round">1 for the first submission, one more per resubmission after a return.</param>
public sealed record UnitCase(string UnitCode, int Year, CaseState State, int Round = 1)
{
    /// <summary>
    /// For a <see cref="CaseStatus.Revoked"/> case: the year (China time) the look-back revoked it. Figures as of an
    /// earlier year still count the case as passed; null means "the year of the case" (revoked the same year).
    /// </summary>
    public int? RevokedInYear { get; init; }

    /// <summary>
    /// For a passed case a look-back acted on (ordered to rectify, or revoked): the campaign year of that look-back.
    /// Figures as of an earlier year still count the case as passed, whatever became of it since; null when no
    /// look-back acted on it.
    /// </summary>
    public int? LookBackInYear { get; init; }
}
