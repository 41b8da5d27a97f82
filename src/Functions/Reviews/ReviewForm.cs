using System.Globalization;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Functions.Cases;

namespace GuanGong.Functions.Reviews;

/// <summary>
/// Reads the review form: the action, the reason, and the reviewer's per-item scores. A reviewer who
/// changed nothing agrees with the self-assessment and submits no sheet of their own; one who changed
/// any score submits a whole review sheet, which the domain validates (every deduction needs a reason).
/// </summary>
public sealed record ReviewForm(ReviewAction? Action, string? Reason, ScoreSheet? Sheet, IReadOnlyDictionary<string, string> Raw)
{
    public static ReviewForm Read(IFormCollection form, CaseRecord @case, StandardTemplate template)
    {
        ArgumentNullException.ThrowIfNull(form);
        var raw = form.ToDictionary(f => f.Key, f => f.Value.ToString(), StringComparer.Ordinal);
        ReviewAction? action = Enum.TryParse<ReviewAction>(raw.GetValueOrDefault("action"), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        var self = @case.Submission.SelfSheet;
        var changed = false;
        var items = new List<ItemScore>();
        foreach (var item in template.AllItems)
        {
            var selfScore = self.Items.FirstOrDefault(i => i.ItemId == item.Id)?.Score ?? 0;
            var score = decimal.TryParse(raw.GetValueOrDefault("score_" + item.Id), NumberStyles.Number, CultureInfo.InvariantCulture, out var s) ? s : selfScore;
            var reason = raw.GetValueOrDefault("reason_" + item.Id);
            changed |= score != selfScore;
            items.Add(new ItemScore(item.Id, score, null, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), null));
        }

        var preconditions = new List<PreconditionAnswer>();
        foreach (var precondition in template.Preconditions)
        {
            var selfMet = self.Preconditions.FirstOrDefault(p => p.PreconditionId == precondition.Id)?.Met ?? false;
            var met = raw.GetValueOrDefault("pre_" + precondition.Id) is { } value ? value == "yes" : selfMet;
            changed |= met != selfMet;
            preconditions.Add(new PreconditionAnswer(precondition.Id, met, null));
        }

        var sheet = changed ? new ScoreSheet(ScoreSheet.CurrentSchemaVersion, ScoreSheetRole.Review, self.Template, preconditions, items, self.Bonus) : null;
        return new ReviewForm(action, raw.GetValueOrDefault("reason"), sheet, raw);
    }
}
