using System.Text.Json.Serialization;

namespace GuanGong.Domain.Scoring;

/// <summary>The verdict on a unit computed from the final score sheet. Persisted with the case.</summary>
/// <param name="Outcome">Passed or failed.</param>
/// <param name="Summary">The figures it was computed from.</param>
/// <param name="PassThreshold">The pass line that applied.</param>
/// <param name="Failures">Every reason it failed; empty when passed.</param>
public sealed record Verdict(VerdictOutcome Outcome, ScoreSummary Summary, decimal PassThreshold, IReadOnlyList<VerdictFailure> Failures)
{
    /// <summary>True when <see cref="Outcome"/> is <see cref="VerdictOutcome.Passed"/>.</summary>
    [JsonIgnore]
    public bool Passed => Outcome == VerdictOutcome.Passed;
}
