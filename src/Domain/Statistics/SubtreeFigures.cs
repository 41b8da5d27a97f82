namespace GuanGong.Domain.Statistics;

/// <summary>
/// The pass-rate figures of one committee's subtree (达标率), with the figures of each child's subtree. A subtree's counts
/// are its own root's contribution plus the sum of its children's.
/// </summary>
/// <param name="CommitteeCode">The subtree's root.</param>
/// <param name="Established">Counted committees in the subtree (by default the grassroots units).</param>
/// <param name="Assessed">Those with a final verdict (passed, failed or revoked).</param>
/// <param name="Passed">Those currently passed.</param>
/// <param name="InProgress">Those with a case under way.</param>
/// <param name="PassedOfAssessed">Passed / assessed.</param>
/// <param name="PassedOfEstablished">Passed / established.</param>
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
    IReadOnlyList<SubtreeFigures> Children);
