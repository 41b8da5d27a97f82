using System.Text.Json.Serialization;

namespace GuanGong.Domain.Organisations;

/// <summary>
/// Who handles a subject's case, in order: the subject itself (stage 0), then each committee above it.
/// The number of review stages depends on the subject's level (<see cref="OrganisationTree.AcceptanceChain(string)"/>):
/// a grassroots unit goes unit → township (review) → county (verdict); a township's own case goes township → county,
/// the county deciding it. The city never decides a case.
/// </summary>
/// <param name="SubjectCode">The committee being assessed.</param>
/// <param name="Stages">Stage 0 is self-assessment; stages 1..<see cref="ReviewStageCount"/> are review stages, the last is the verdict.</param>
public sealed record AcceptanceChain(string SubjectCode, IReadOnlyList<ChainStage> Stages)
{
    /// <summary>The number of stages after self-assessment (2 for a grassroots unit under a township, 1 for a township).</summary>
    [JsonIgnore]
    public int ReviewStageCount => Stages.Count - 1;

    /// <summary>The stage with the given index; throws <see cref="ArgumentOutOfRangeException"/> outside 0..<see cref="ReviewStageCount"/>.</summary>
    /// <param name="index">The stage index.</param>
    public ChainStage Stage(int index) =>
        index >= 0 && index < Stages.Count
            ? Stages[index]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"The chain has stages 0..{ReviewStageCount}.");

    /// <summary>The verdict stage (the last one).</summary>
    [JsonIgnore]
    public ChainStage VerdictStage => Stages[^1];
}
