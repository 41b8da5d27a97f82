using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Scoring;

public sealed class ScoreSheetValidatorTests
{
    private static readonly StandardTemplate FiveGoodA = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA, 1);

    [Fact]
    public void Validate_FullMarks_IsValid()
    {
        Assert.Empty(ScoreSheetValidator.Validate(SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build(), FiveGoodA));
    }

    [Fact]
    public void Validate_ScoreAboveItemPoints_NamesTheField()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var items = sheet.Items.ToArray();
        items[3] = items[3] with { Score = 7 };

        var error = Assert.Single(ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA));

        Assert.Equal("items[3].score", error.Path);
        Assert.Equal("sheet.score_out_of_range", error.Code);
    }

    [Fact]
    public void Validate_NegativeScoreAndThirdOfPoint_BothReported()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var items = sheet.Items.ToArray();
        items[0] = items[0] with { Score = -1, DeductionReason = "x" };
        items[1] = items[1] with { Score = 4.333m, DeductionReason = "x" };

        var errors = ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA);

        Assert.Equal(["items[0].score", "items[1].score"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Validate_ReviewDeductionWithoutReason_Fails()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Score("leadership-meetings", 4, reason: null).Build();
        var index = sheet.Items.ToList().FindIndex(i => i.ItemId == "leadership-meetings");

        var error = Assert.Single(ScoreSheetValidator.Validate(sheet, FiveGoodA));

        Assert.Equal($"items[{index}].deductionReason", error.Path);
    }

    [Fact]
    public void Validate_SelfAssessmentDeductionWithoutReason_IsFine()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).AsSelfAssessment().Score("leadership-meetings", 4, reason: null).Build();

        Assert.Empty(ScoreSheetValidator.Validate(sheet, FiveGoodA));
    }

    [Fact]
    public void Validate_AppliedDeductionsCountAsReason_AndMustMatchScore()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Deduct("leadership-meetings", "missed-meeting", 3).Build();
        Assert.Empty(ScoreSheetValidator.Validate(sheet, FiveGoodA));
        Assert.Equal(3.5m, sheet.Items.Single(i => i.ItemId == "leadership-meetings").Score);

        var items = sheet.Items.Select(i => i.ItemId == "leadership-meetings" ? i with { Score = 4 } : i).ToList();
        var error = Assert.Single(ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA));
        Assert.Equal("sheet.score_does_not_match_deductions", error.Code);
    }

    [Fact]
    public void Validate_UnknownDeductionRule_NamesIt()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var items = sheet.Items.ToArray();
        items[0] = items[0] with { Score = 4, Deductions = [new AppliedDeduction("nope", 1)] };

        var errors = ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA);

        Assert.Contains(errors, e => e.Path == "items[0].deductions[0].ruleId");
    }

    [Fact]
    public void Validate_SameDeductionRuleTwice_AsksToAddUpOccurrences()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var items = sheet.Items.Select(i => i.ItemId == "leadership-meetings"
            ? i with { Score = 4, Deductions = [new AppliedDeduction("missed-meeting", 1), new AppliedDeduction("missed-meeting", 1)] }
            : i).ToList();
        var index = items.FindIndex(i => i.ItemId == "leadership-meetings");

        var errors = ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA);

        Assert.Contains(errors, e => e.Path == $"items[{index}].deductions[1].ruleId" && e.Code == "sheet.deduction_duplicate");
    }

    [Fact]
    public void Validate_MissingUnknownAndDuplicateItems_AllReported()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var items = sheet.Items.Skip(1).Append(sheet.Items[1]).Append(new ItemScore("nope", 1, null, null, null)).ToList();

        var errors = ScoreSheetValidator.Validate(sheet with { Items = items }, FiveGoodA);

        Assert.Contains(errors, e => e.Code == "sheet.item_missing" && e.Path == "items");
        Assert.Contains(errors, e => e.Code == "sheet.item_duplicate" && e.Path == $"items[{items.Count - 2}].itemId");
        Assert.Contains(errors, e => e.Code == "sheet.item_unknown" && e.Path == $"items[{items.Count - 1}].itemId");
    }

    [Fact]
    public void Validate_PreconditionMissing_Fails()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHavesFiveGoods, 1);
        var sheet = new SheetBuilder(template).Build();

        var errors = ScoreSheetValidator.Validate(sheet with { Preconditions = sheet.Preconditions.Skip(1).ToList() }, template);

        Assert.Equal("sheet.precondition_missing", Assert.Single(errors).Code);
    }

    [Fact]
    public void Validate_BonusAboveItemPoints_NamesBonusField()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Bonus("bonus-city-award", 4).Build();

        Assert.Equal("bonus[0].points", Assert.Single(ScoreSheetValidator.Validate(sheet, FiveGoodA)).Path);
    }

    [Fact]
    public void Validate_SheetForAnotherTemplate_Fails()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();

        var errors = ScoreSheetValidator.Validate(sheet, FiveGoodA with { PassThreshold = 90 });

        Assert.Contains(errors, e => e.Code == "sheet.template_mismatch");
    }

    [Fact]
    public void ScoreSheet_JsonRoundTrip_KeepsEverything()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Deduct("leadership-meetings", "missed-meeting", 2).Bonus("bonus-city-award", 3).Build();

        var back = DomainJson.Deserialize<ScoreSheet>(DomainJson.Serialize(sheet));

        Assert.Equal(ScoreCalculator.Summarise(FiveGoodA, sheet), ScoreCalculator.Summarise(FiveGoodA, back), new SummaryComparer());
        Assert.Contains("\"role\":\"review\"", DomainJson.Serialize(sheet), StringComparison.Ordinal);
    }

    [Fact]
    public void ScoreSheet_JsonWithoutOptionalNotes_Reads()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveHaves);
        var pin = DomainJson.Serialize(template.Pin());
        var answers = string.Join(",", template.Preconditions.Select(p => $"{{\"preconditionId\":\"{p.Id}\",\"met\":true}}"));
        var json = $"{{\"schemaVersion\":1,\"role\":\"selfAssessment\",\"template\":{pin},\"preconditions\":[{answers}],\"items\":[],\"bonus\":[]}}";

        var sheet = DomainJson.Parse<ScoreSheet>(json, "sheet.json_invalid").Value;

        Assert.Empty(ScoreSheetValidator.Validate(sheet, template));
    }

    private sealed class SummaryComparer : IEqualityComparer<ScoreSummary>
    {
        public bool Equals(ScoreSummary? x, ScoreSummary? y) =>
            x!.Total == y!.Total && x.BaseTotal == y.BaseTotal && x.Criteria.SequenceEqual(y.Criteria);

        public int GetHashCode(ScoreSummary obj) => obj.Total.GetHashCode();
    }

    [Fact]
    public void Validate_NoteAndReasonJustAtTheLimit_AreFine()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var text = new string('注', ScoreSheetValidator.MaxTextLength);

        var errors = ScoreSheetValidator.Validate(sheet with { Items = [.. sheet.Items.Select(i => i with { Note = text, DeductionReason = text })] }, FiveGoodA);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_OverlongNotesAndReason_EachNamedByItsField()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();
        var text = new string('注', ScoreSheetValidator.MaxTextLength + 1);
        var items = sheet.Items.ToArray();
        items[2] = items[2] with { Note = text };
        items[4] = items[4] with { DeductionReason = text };
        var preconditions = sheet.Preconditions.Append(new PreconditionAnswer("unknown-gate", true, text)).ToArray();

        var errors = ScoreSheetValidator.Validate(sheet with { Items = items, Preconditions = preconditions }, FiveGoodA).Where(e => e.Code == "sheet.text_too_long").ToList();

        Assert.Equal([$"preconditions[{preconditions.Length - 1}].note", "items[2].note", "items[4].deductionReason"], errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal("sheet.text_too_long", e.Code));
        Assert.Contains("扣分理由", errors[2].MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ThousandsOfItems_OneErrorNotThousands()
    {
        var sheet = SheetBuilder.For(StandardTemplateIds.FiveGoodA).Build();

        var errors = ScoreSheetValidator.Validate(sheet with { Items = [.. Enumerable.Range(0, 5000).Select(i => sheet.Items[i % sheet.Items.Count] with { ItemId = "x" + i })] }, FiveGoodA);

        var error = Assert.Single(errors);
        Assert.Equal(("items", "sheet.too_many_entries"), (error.Path, error.Code));
    }
}
