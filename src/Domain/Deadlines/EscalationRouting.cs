using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Deadlines;

/// <summary>
/// Connects the escalation ladder to the organisation tree: whether a stage has a fallback rung and a next level, and
/// whom to send the link to at each rung.
/// </summary>
public static class EscalationRouting
{
    /// <summary>The committee that holds review stage <paramref name="stage"/> of <paramref name="chain"/> before any escalation.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The case's acceptance chain.</param>
    /// <param name="stage">A review stage, 1..N.</param>
    public static Committee StageCommittee(OrganisationTree tree, AcceptanceChain chain, int stage)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentOutOfRangeException.ThrowIfLessThan(stage, 1);
        return tree.Get(chain.Stage(stage).CommitteeCode);
    }

    /// <summary>True when the stage's committee has a fallback reviewer (pass to <see cref="EscalationPlanner.Plan"/>).</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The case's acceptance chain.</param>
    /// <param name="stage">A review stage, 1..N.</param>
    public static bool HasFallbackReviewer(OrganisationTree tree, AcceptanceChain chain, int stage) =>
        StageCommittee(tree, chain, stage).FallbackReviewer is not null;

    /// <summary>True when there is a committee above the stage's committee to take the case (pass to <see cref="EscalationPlanner.Plan"/>).</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The case's acceptance chain.</param>
    /// <param name="stage">A review stage, 1..N.</param>
    public static bool HasNextLevel(OrganisationTree tree, AcceptanceChain chain, int stage) =>
        tree.Parent(StageCommittee(tree, chain, stage).Code) is not null;

    /// <summary>Whom to send the stage's link to when <paramref name="holder"/> holds it.</summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The case's acceptance chain.</param>
    /// <param name="stage">A review stage, 1..N.</param>
    /// <param name="holder">The rung, from <see cref="EscalationPlan.Holder"/>.</param>
    public static StageRecipients Recipients(OrganisationTree tree, AcceptanceChain chain, int stage, EscalationHolder holder)
    {
        var committee = StageCommittee(tree, chain, stage);
        switch (holder)
        {
            case EscalationHolder.Reviewers:
                return new(committee.Code, committee.Reviewers);
            case EscalationHolder.FallbackReviewer:
                return new(committee.Code, committee.FallbackReviewer is { } f ? [f] : []);
            case EscalationHolder.NextLevel:
                var above = tree.Parent(committee.Code)
                    ?? throw new InvalidOperationException($"'{committee.Code}' has no level above to escalate to.");
                return new(above.Code, above.Reviewers);
            default:
                throw new ArgumentOutOfRangeException(nameof(holder), holder, null);
        }
    }
}
