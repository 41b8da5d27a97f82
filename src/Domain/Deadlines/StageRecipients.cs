using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Deadlines;

/// <summary>Who acts on a review stage at one rung of the escalation ladder.</summary>
/// <param name="CommitteeCode">The committee acting (the stage's own committee, or the next level up once escalated).</param>
/// <param name="Reviewers">The people to send the link to; empty when the committee has nobody to send to (a data problem to report).</param>
public sealed record StageRecipients(string CommitteeCode, IReadOnlyList<Reviewer> Reviewers);
