using GuanGong.Domain.Cases;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.LookBack;

/// <summary>
/// Revokes a unit's status after a look-back. After storing the outcome the app re-evaluates the unit's township with
/// <see cref="Scoring.TownshipRule"/>, since one unit fewer may drop the township below the share.
/// </summary>
public static class Revocations
{
    /// <summary>
    /// True when <paramref name="committeeCode"/> may act on a look-back of the chain's unit: a committee of its review
    /// stages (the township for its own units, the county that gave the verdict) or one above them.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The unit's acceptance chain.</param>
    /// <param name="committeeCode">The acting committee.</param>
    public static bool MayDecide(OrganisationTree tree, AcceptanceChain chain, string committeeCode)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Stages.Skip(1).Any(s => s.CommitteeCode == committeeCode)
            || tree.Ancestors(chain.VerdictStage.CommitteeCode).Any(a => a.Code == committeeCode);
    }

    /// <summary>
    /// Checks and records a revocation: the case must be passed, at least one non-blank reason is given, and the deciding
    /// committee is one of the unit's reviewing committees (its township, the verdict committee) or one above them.
    /// </summary>
    /// <param name="tree">The organisation tree.</param>
    /// <param name="chain">The unit's acceptance chain (its verdict stage names the verdict committee).</param>
    /// <param name="caseId">The passed case.</param>
    /// <param name="current">The case's current state.</param>
    /// <param name="reasons">The reasons.</param>
    /// <param name="decidedByCommitteeCode">The deciding committee.</param>
    /// <param name="decidedBy">The person recording it.</param>
    /// <param name="decidedAt">When.</param>
    public static Result<RevocationOutcome> Revoke(
        OrganisationTree tree,
        AcceptanceChain chain,
        string caseId,
        CaseState current,
        IReadOnlyList<string> reasons,
        string decidedByCommitteeCode,
        string decidedBy,
        DateTimeOffset decidedAt)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(reasons);
        var errors = new List<ValidationError>();
        if (current.Status != CaseStatus.Passed)
        {
            errors.Add(new("case", "revocation.not_passed", "只有已达标的单位才能撤销达标资格。", $"Only a passed case can be revoked; this one is {current.Status}."));
        }

        if (reasons.Count == 0 || reasons.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("reasons", "revocation.reason_missing", "撤销必须写明理由。", "A revocation needs at least one reason, none blank."));
        }

        if (!MayDecide(tree, chain, decidedByCommitteeCode))
        {
            errors.Add(new("decidedByCommitteeCode", "revocation.not_authorised", "只有本单位的审核、验收单位或其上级可以撤销达标资格。", $"Only a reviewing committee of '{chain.SubjectCode}' or a committee above it can revoke."));
        }

        if (string.IsNullOrWhiteSpace(decidedBy))
        {
            errors.Add(new("decidedBy", "revocation.decided_by_missing", "请填写决定人。", "The person deciding is missing."));
        }

        if (errors.Count > 0)
        {
            return Result<RevocationOutcome>.Failure(errors);
        }

        var revocation = new Revocation(Revocation.CurrentSchemaVersion, chain.SubjectCode, caseId, [.. reasons.Select(r => r.Trim())], decidedByCommitteeCode, decidedBy, decidedAt);
        return Result<RevocationOutcome>.Success(new RevocationOutcome(revocation, CaseTransitions.Apply(current, CaseEvent.Revoke)));
    }
}
