using System.Text.Json.Serialization;

namespace GuanGong.Domain.Deadlines;

/// <summary>What an escalation ladder says at one instant: who holds the stage, its deadline, what is due and what comes next.</summary>
/// <param name="Holder">Who holds the stage now.</param>
/// <param name="ReviewersDue">The reviewers' deadline.</param>
/// <param name="FallbackDue">The fallback reviewer's deadline; null without a fallback step.</param>
/// <param name="CurrentDueAt">The deadline of the current holder; null once the next level holds it (its own ladder starts then).</param>
/// <param name="IsOverdue">True once the reviewers' deadline has passed (the case counts as late).</param>
/// <param name="Steps">The whole timeline, in order.</param>
/// <param name="DueSteps">Steps whose instant is at or before now (the app performs those it has not yet performed).</param>
/// <param name="NextStep">The first step after now (set a timer for it); null when nothing is left.</param>
/// <param name="UnconfirmedYears">Years counted without a loaded holiday notice.</param>
public sealed record EscalationPlan(
    EscalationHolder Holder,
    DeadlineResult ReviewersDue,
    DeadlineResult? FallbackDue,
    DateTimeOffset? CurrentDueAt,
    bool IsOverdue,
    IReadOnlyList<EscalationStep> Steps,
    IReadOnlyList<EscalationStep> DueSteps,
    EscalationStep? NextStep,
    IReadOnlyList<int> UnconfirmedYears)
{
    /// <summary>True when any deadline in the plan is provisional.</summary>
    [JsonIgnore]
    public bool UsesUnconfirmedCalendarYears => UnconfirmedYears.Count > 0;
}
