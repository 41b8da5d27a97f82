namespace GuanGong.Domain.Statistics;

/// <summary>
/// The pass-rate figures of one committee's subtree (达标率), with the figures of each child's subtree. A subtree's counts
/// are its own root's contribution plus the sum of its children's.
/// </summary>
/// <param name="CommitteeCode">The subtree's root.</param>
/// <param name="Established">Counted committees in the subtree (by default the grassroots units).</param>
/// <param name="Assessed">Those a reviewer has judged: passed, failed, returned (until it passes), closed at the rectification deadline, or revoked.</param>
/// <param name="Passed">Those currently passed.</param>
/// <param name="InProgress">Those with a case under way that no reviewer has judged yet.</param>
/// <param name="PassedOfAssessed">达标率: passed / assessed (<see cref="Wording.PassRate"/>).</param>
/// <param name="PassedOfEstablished">达标面 (创建覆盖率): passed / established (<see cref="Wording.Coverage"/>).</param>
/// <param name="Progress">Progress against the campaign target, when a target was given.</param>
/// <param name="Children">The figures of each child's subtree, in tree order.</param>
public sealed record SubtreeFigures(
    string CommitteeCode,
    int Established,
    int Assessed,
    int Passed,
    int InProgress,
    Ratio PassedOfAssessed,
    Ratio PassedOfEstablished,
    TargetProgress? Progress,
    IReadOnlyList<SubtreeFigures> Children)
{
    /// <summary>达标率 = passed / assessed: the same ratio as <see cref="PassedOfAssessed"/>, by its name in the documents.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Ratio PassRate => PassedOfAssessed;

    /// <summary>达标面 (创建覆盖率) = passed / established: the same ratio as <see cref="PassedOfEstablished"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Ratio Coverage => PassedOfEstablished;
}
