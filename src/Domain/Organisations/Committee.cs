using System.Text.Json.Serialization;

namespace GuanGong.Domain.Organisations;

/// <summary>A committee (关工委): one node of the organisation tree. Persisted as JSON.</summary>
/// <param name="Code">Unique code within the tree, e.g. <c>530102-003-012</c>.</param>
/// <param name="Name">Official name in Chinese, e.g. 西山区碧鸡街道关工委.</param>
/// <param name="Level">Structural level.</param>
/// <param name="Kind">What kind of body it is attached to.</param>
/// <param name="ParentCode">Code of the parent committee; null for a root.</param>
/// <param name="Reviewers">The people who act for this committee when it reviews or decides (first step of the escalation ladder).</param>
/// <param name="FallbackReviewer">Who takes over when the reviewers let a deadline pass (second step of the ladder); optional.</param>
public sealed record Committee(
    string Code,
    string Name,
    CommitteeLevel Level,
    CommitteeKind Kind,
    string? ParentCode,
    IReadOnlyList<Reviewer> Reviewers,
    Reviewer? FallbackReviewer)
{
    /// <summary>True when the committee has no parent.</summary>
    [JsonIgnore]
    public bool IsRoot => ParentCode is null;
}
