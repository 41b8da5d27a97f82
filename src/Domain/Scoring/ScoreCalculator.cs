using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Scoring;

/// <summary>Adds up a score sheet: item scores per criterion, bonus capped, preconditions answered "no".</summary>
public static class ScoreCalculator
{
    /// <summary>
    /// Summarises a sheet. Items left unscored behind a failed precondition count 0. The sheet must be valid for the template (<see cref="ScoreSheetValidator"/>); an invalid
    /// sheet here is a programming error and throws <see cref="ArgumentException"/>.
    /// </summary>
    /// <param name="template">The pinned template.</param>
    /// <param name="sheet">A valid sheet.</param>
    public static ScoreSummary Summarise(StandardTemplate template, ScoreSheet sheet)
    {
        var errors = ScoreSheetValidator.Validate(sheet, template);
        if (errors.Count > 0)
        {
            throw new ArgumentException("The score sheet is invalid: " + string.Join("; ", errors), nameof(sheet));
        }

        var scores = sheet.Items.ToDictionary(i => i.ItemId, i => i.Score, StringComparer.Ordinal);
        var criteria = template.Criteria
            .Select(c => new CriterionScore(c.Id, c.Points, c.Items.Sum(i => scores.GetValueOrDefault(i.Id)), c.MinimumPoints))
            .ToList();
        var baseTotal = criteria.Sum(c => c.Score);
        var claimed = sheet.Bonus.Sum(b => b.Points);
        var awarded = Math.Min(claimed, template.Bonus?.Cap ?? 0m);
        var unmet = sheet.Preconditions.Where(p => !p.Met).Select(p => p.PreconditionId).ToList();
        return new ScoreSummary(baseTotal, claimed, awarded, baseTotal + awarded, criteria, unmet);
    }
}
