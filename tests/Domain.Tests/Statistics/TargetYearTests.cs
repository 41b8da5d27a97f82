using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Statistics;

public sealed class TargetYearTests
{
    [Fact]
    public void ForTargetYear_MiddleYear_CountsUnitsDueByThen()
    {
        var campaign = CampaignBuilder.ThreeYear() with
        {
            UnitTargetYears = [new("C.K.T1.U1", 2025), new("C.K.T1.U2", 2026), new("C.K.T2.U1", 2026), new("C.K.T2.U2", 2027)],
        };
        var statuses = new Dictionary<string, UnitStatus> { ["C.K.T1.U1"] = UnitStatus.Passed, ["C.K.T2.U1"] = UnitStatus.InProgress };

        var figures = PassRates.ForTargetYear(TreeBuilder.Standard(), "C", campaign, statuses, 2026);

        Assert.Equal((3, 1), (figures.UnitsDue, figures.UnitsDuePassed));
        Assert.Equal("33.3%", figures.PassedOfDue.Display);
        Assert.Equal(["C.K.T1.U2", "C.K.T2.U1"], figures.DueNotPassed.Order());
    }
}
