using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Tests.Builders;

/// <summary>Builds score sheets: starts from full marks and every precondition met, then applies changes.</summary>
internal sealed class SheetBuilder
{
    private readonly StandardTemplate _template;
    private readonly Dictionary<string, ItemScore> _items;
    private readonly Dictionary<string, PreconditionAnswer> _preconditions;
    private readonly List<BonusScore> _bonus = [];
    private ScoreSheetRole _role = ScoreSheetRole.Review;

    public SheetBuilder(StandardTemplate template)
    {
        _template = template;
        _items = template.AllItems.ToDictionary(i => i.Id, i => new ItemScore(i.Id, i.Points, null, null, null));
        _preconditions = template.Preconditions.ToDictionary(p => p.Id, p => new PreconditionAnswer(p.Id, true, null));
    }

    public static SheetBuilder For(string templateId, int version = 1) => new(TemplateLoader.GetEmbedded(templateId, version));

    public SheetBuilder AsSelfAssessment()
    {
        _role = ScoreSheetRole.SelfAssessment;
        return this;
    }

    public SheetBuilder Score(string itemId, decimal score, string? reason = "台账缺失")
    {
        _items[itemId] = _items[itemId] with { Score = score, DeductionReason = reason };
        return this;
    }

    public SheetBuilder Deduct(string itemId, string ruleId, int occurrences)
    {
        var item = _template.AllItems.Single(i => i.Id == itemId);
        var rule = item.Deductions.Single(r => r.Id == ruleId);
        _items[itemId] = _items[itemId] with
        {
            Score = item.Points - rule.Deduct(occurrences, item.Points),
            DeductionReason = null,
            Deductions = [new AppliedDeduction(ruleId, occurrences)],
        };
        return this;
    }

    /// <summary>Takes points off items in template order until the base total is <paramref name="total"/>.</summary>
    public SheetBuilder BaseTotal(decimal total)
    {
        var toRemove = _template.TotalPoints - total;
        foreach (var item in _template.AllItems)
        {
            // A yes/no item scores all or nothing: take it whole or leave it.
            var take = item.YesNo == true && toRemove < item.Points ? 0 : Math.Min(item.Points, toRemove);
            if (take > 0)
            {
                Score(item.Id, item.Points - take);
                toRemove -= take;
            }
        }

        return this;
    }

    public SheetBuilder NotMet(string preconditionId)
    {
        _preconditions[preconditionId] = new PreconditionAnswer(preconditionId, false, "现场查看未见");
        return this;
    }

    public SheetBuilder Bonus(string bonusId, decimal points)
    {
        _bonus.Add(new BonusScore(bonusId, points, "表彰文件"));
        return this;
    }

    public ScoreSheet Build() => new(
        ScoreSheet.CurrentSchemaVersion,
        _role,
        _template.Pin(),
        [.. _preconditions.Values],
        [.. _items.Values],
        [.. _bonus]);
}
