using GuanGong.Domain.Scoring;
using GuanGong.Domain.Standards;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Scoring;

public sealed class ScoreComparisonTests
{
    [Fact]
    public void Differences_ReviewerDeducted_ListsItemWithReason()
    {
        var template = TemplateLoader.GetEmbedded(StandardTemplateIds.FiveGoodA, 1);
        var self = new SheetBuilder(template).AsSelfAssessment().Score("systems-funds", 4, reason: null).Build();
        var review = new SheetBuilder(template)
            .Score("systems-funds", 4, "经费凭证齐全，但不足2000元")
            .Deduct("leadership-meetings", "missed-meeting", 2)
            .Build();

        var differences = ScoreComparison.Differences(template, self, review);

        var meetings = Assert.Single(differences);
        Assert.Equal("leadership-meetings", meetings.ItemId);
        Assert.Equal(-1m, meetings.Difference);
        Assert.Equal("missed-meeting ×2", meetings.DeductionReason);
    }
}
