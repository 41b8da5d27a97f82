using GuanGong.Domain.Cases;
using GuanGong.Domain.Deadlines;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Statistics;

public sealed class CaseDelaysTests
{
    private static readonly DateTimeOffset Start = new(2026, 2, 13, 10, 0, 0, ChinaTime.Offset);

    private static OpenCase Case(string id, string holder, CaseStatus status = CaseStatus.UnderReview, int stage = 1)
    {
        var due = DeadlineCalculator.Due(Start, 5, HolidayCalendar.Official).DueAt;
        return new OpenCase(id, "C.K.T1.U1", new CaseState(status, stage, 2, false), holder, Start, due);
    }

    [Fact]
    public void PerLevel_LateAndStuck_GroupedByHoldingLevel()
    {
        var cases = new[]
        {
            Case("a", "C.K.T1"),
            Case("b", "C.K", stage: 2),
            Case("c", "C.K.T1", CaseStatus.Passed, 2),
        };
        var now = new DateTimeOffset(2026, 2, 28, 8, 0, 0, ChinaTime.Offset);

        var report = CaseDelays.PerLevel(TreeBuilder.Standard(), cases, now, stuckAfterWorkingDays: 6, HolidayCalendar.Official);

        var township = report.Single(r => r.Level == CommitteeLevel.Township);
        Assert.Equal(1, township.WithReviewer);
        Assert.Equal(["a"], township.LateCaseIds);
        Assert.Equal(["a"], township.StuckCaseIds); // 14, 24-28 Feb: 6 working days
        Assert.Equal(["b"], report.Single(r => r.Level == CommitteeLevel.County).LateCaseIds);
        Assert.Equal(4, report.Count);
    }

    [Fact]
    public void PerLevel_BeforeDeadline_NotLateNotStuck()
    {
        var report = CaseDelays.PerLevel(TreeBuilder.Standard(), [Case("a", "C.K.T1")], Start.AddDays(3), 6, HolidayCalendar.Official);

        Assert.All(report, r => Assert.Empty(r.LateCaseIds));
        Assert.All(report, r => Assert.Empty(r.StuckCaseIds));
    }
}
