using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;

namespace GuanGong.Domain.Tests.Scoring;

public sealed class ScoringProperties
{
    private static readonly StandardTemplate[] Templates = [.. TemplateLoader.EmbeddedTemplates];

    /// <summary>A valid sheet for a random embedded template: random half-point scores, random answers, random bonus claims.</summary>
    private static Gen<(StandardTemplate Template, ScoreSheet Sheet)> Sheets() =>
        from t in Gen.Elements(Templates)
        from halves in Gen.ArrayOf(Gen.Choose(0, 40), t.AllItems.Count())
        from met in Gen.ArrayOf(Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false))), t.Preconditions.Count)
        from bonusHalves in Gen.ArrayOf(Gen.Choose(0, 10), t.Bonus?.Items.Count ?? 0)
        select (t, new ScoreSheet(
            ScoreSheet.CurrentSchemaVersion,
            ScoreSheetRole.Review,
            t.Pin(),
            t.Preconditions.Select((p, i) => new PreconditionAnswer(p.Id, met[i], null)).ToList(),
            t.AllItems.Select((item, i) => new ItemScore(item.Id, item.YesNo == true ? (halves[i] % 2 == 0 ? item.Points : 0) : Math.Min(item.Points, halves[i] / 2m), null, "扣分理由", null)).ToList(),
            (t.Bonus?.Items ?? []).Select((b, i) => new BonusScore(b.Id, Math.Min(b.Points, bonusHalves[i] / 2m), null)).ToList()));

    [Fact]
    public void Summarise_AnyValidSheet_StaysWithinBounds()
    {
        Prop.ForAll(Sheets().ToArbitrary(), x =>
        {
            var s = ScoreCalculator.Summarise(x.Template, x.Sheet);
            return s.BaseTotal >= 0
                && s.BaseTotal <= x.Template.TotalPoints
                && s.BonusAwarded >= 0
                && s.BonusAwarded <= (x.Template.Bonus?.Cap ?? 0)
                && s.Total <= x.Template.MaximumTotal
                && s.Criteria.All(c => c.Score >= 0 && c.Score <= c.Points)
                && s.Criteria.Sum(c => c.Score) == s.BaseTotal;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decide_AnyUnmetPrecondition_NeverPasses()
    {
        Prop.ForAll(Sheets().ToArbitrary(), x =>
        {
            var verdict = VerdictCalculator.Decide(x.Template, x.Sheet);
            var anyNo = x.Sheet.Preconditions.Any(p => !p.Met);
            return !anyNo || !verdict.Passed;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Decide_PassedIffNoFailures()
    {
        Prop.ForAll(Sheets().ToArbitrary(), x =>
        {
            var verdict = VerdictCalculator.Decide(x.Template, x.Sheet);
            return verdict.Passed == (verdict.Failures.Count == 0)
                && (!verdict.Passed || verdict.Summary.Total >= x.Template.PassThreshold);
        }).QuickCheckThrowOnFailure();
    }
}
