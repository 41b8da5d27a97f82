using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Scoring;

/// <summary>
/// Computes the verdict from the final score sheet (the verdict stage's). A unit passes only when every precondition
/// is met (any 五有 "no" fails it whatever the points), every criterion reaches its minimum, and the total including
/// the capped bonus is at or above the pass threshold.
/// </summary>
/// <remarks>
/// The preconditions gate scoring: when any is answered "no", the failures list only the unmet preconditions (the
/// points were not the reason, and may not have been scored at all). Otherwise every failing reason is listed: each
/// criterion below its minimum, and the threshold.
/// </remarks>
public static class VerdictCalculator
{
    /// <summary>Decides the verdict; the sheet must be valid for the template.</summary>
    /// <param name="template">The pinned template.</param>
    /// <param name="finalSheet">The final score sheet.</param>
    public static Verdict Decide(StandardTemplate template, ScoreSheet finalSheet)
    {
        ArgumentNullException.ThrowIfNull(template);
        var summary = ScoreCalculator.Summarise(template, finalSheet);
        var failures = new List<VerdictFailure>();
        foreach (var id in summary.UnmetPreconditions)
        {
            var name = template.Preconditions.First(p => p.Id == id).Name;
            failures.Add(new(VerdictFailureKind.PreconditionNotMet, id, $"前置条件未达到：{name}", $"Precondition not met: {id}"));
        }

        if (failures.Count > 0)
        {
            return new Verdict(VerdictOutcome.Failed, summary, template.PassThreshold, failures);
        }

        foreach (var criterion in summary.Criteria.Where(c => !c.MeetsMinimum))
        {
            var name = template.Criteria.First(c => c.Id == criterion.CriterionId).Name;
            failures.Add(new(
                VerdictFailureKind.CriterionBelowMinimum,
                criterion.CriterionId,
                $"“{name}”得分 {criterion.Score}，低于最低要求 {criterion.MinimumPoints} 分",
                $"Criterion '{criterion.CriterionId}' scored {criterion.Score}, below its minimum of {criterion.MinimumPoints}"));
        }

        if (summary.Total < template.PassThreshold)
        {
            failures.Add(new(
                VerdictFailureKind.BelowThreshold,
                null,
                $"总分 {summary.Total} 分，低于达标线 {template.PassThreshold} 分",
                $"Total {summary.Total} is below the pass threshold of {template.PassThreshold}"));
        }

        return new Verdict(failures.Count == 0 ? VerdictOutcome.Passed : VerdictOutcome.Failed, summary, template.PassThreshold, failures);
    }
}
