using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Statistics;

public sealed class PassRatesTests
{
    /// <summary>A city's department committees: 80 established, 67 assessed, 60 passed (the source's "nearly 90%").</summary>
    private static (OrganisationTree Tree, Dictionary<string, UnitStatus> Statuses) CityDepartments()
    {
        var builder = new TreeBuilder().City("C");
        var tree = OrganisationTree.Build(
        [
            .. builder.Committees,
            TreeBuilder.Committee("C.D", CommitteeLevel.County, "C", CommitteeKind.CityDepartments),
            .. Enumerable.Range(1, 80).Select(i => TreeBuilder.Committee($"C.D.{i}", CommitteeLevel.Grassroots, "C.D", CommitteeKind.Department)),
        ]).Value;
        var statuses = Enumerable.Range(1, 80).ToDictionary(
            i => $"C.D.{i}",
            i => i <= 60 ? UnitStatus.Passed : i <= 67 ? UnitStatus.Failed : i <= 75 ? UnitStatus.InProgress : UnitStatus.NotAssessed);
        return (tree, statuses);
    }

    [Fact]
    public void ForSubtree_CityDepartments_80Established67Assessed60Passed()
    {
        var (tree, statuses) = CityDepartments();

        var figures = PassRates.ForSubtree(tree, "C", statuses);

        Assert.Equal((80, 67, 60, 8), (figures.Established, figures.Assessed, figures.Passed, figures.InProgress));
        Assert.Equal(89.6m, figures.PassedOfAssessed.Percent);
        Assert.Equal("89.6%", figures.PassedOfAssessed.Display);
        Assert.Equal(75.0m, figures.PassedOfEstablished.Percent);
        Assert.Equal("75.0%", figures.PassedOfEstablished.Display);
    }

    [Fact]
    public void ForSubtree_TargetOf80Percent_NeedsFourMore()
    {
        var (tree, statuses) = CityDepartments();

        var progress = PassRates.ForSubtree(tree, "C", statuses, new Percentage(80)).Progress!;

        Assert.Equal(64, progress.Required);
        Assert.Equal(4, progress.Shortfall);
        Assert.False(progress.Met);
    }

    [Fact]
    public void ForSubtree_RevokedCountsAsAssessedNotPassed()
    {
        var (tree, statuses) = CityDepartments();
        statuses["C.D.1"] = UnitStatus.Revoked;

        var figures = PassRates.ForSubtree(tree, "C.D", statuses);

        Assert.Equal((67, 59), (figures.Assessed, figures.Passed));
    }

    [Theory]
    [InlineData(127, 128, "99.2%")]
    [InlineData(74, 404, "18.3%")]
    [InlineData(1, 8, "12.5%")]    // 12.5 exactly
    [InlineData(1, 16, "6.3%")]    // 6.25 rounds half away from zero
    [InlineData(0, 0, "—")]
    [InlineData(2, 3, "66.7%")]
    public void Ratio_Display_OneDecimalHalfAwayFromZero(int numerator, int denominator, string expected)
    {
        Assert.Equal(expected, new Ratio(numerator, denominator).Display);
    }

    [Fact]
    public void ForSubtree_ChildrenFiguresPerTownship()
    {
        var tree = TreeBuilder.Standard();
        var statuses = new Dictionary<string, UnitStatus> { ["C.K.T1.U1"] = UnitStatus.Passed, ["C.K.T2.U1"] = UnitStatus.Failed };

        var county = PassRates.ForSubtree(tree, "C.K", statuses);

        Assert.Equal(["C.K.T1", "C.K.T2"], county.Children.Select(c => c.CommitteeCode));
        Assert.Equal((3, 1, 1), (county.Children[0].Established, county.Children[0].Assessed, county.Children[0].Passed));
        Assert.Equal((2, 1, 0), (county.Children[1].Established, county.Children[1].Assessed, county.Children[1].Passed));
    }

    [Fact]
    public void ByKind_District_128VillagesAllRated_404EnterprisesWith74Rated()
    {
        var builder = new TreeBuilder().City("C").County("C.D", "C").Township("C.D.T", "C.D")
            .Units("C.D.T", 128, CommitteeKind.Village);
        for (var i = 1; i <= 404; i++)
        {
            builder.Unit($"C.D.T.E{i}", "C.D.T", CommitteeKind.Enterprise);
        }

        var tree = builder.Build();
        var statuses = tree.Committees.Where(c => c.Kind == CommitteeKind.Village).Select(c => c.Code)
            .Concat(Enumerable.Range(1, 74).Select(i => $"C.D.T.E{i}"))
            .ToDictionary(code => code, _ => UnitStatus.Passed);

        var figures = PassRates.ByKind(tree, "C.D", statuses);

        Assert.Equal([CommitteeKind.Village, CommitteeKind.Enterprise], figures.Select(f => f.Kind));
        Assert.Equal("100.0%", figures[0].PassedOfEstablished.Display);
        Assert.Equal((404, 74), (figures[1].Established, figures[1].Passed));
        Assert.Equal("18.3%", figures[1].PassedOfEstablished.Display);
    }

    [Fact]
    public void FromCounts_SameRounding()
    {
        var figures = PassRates.FromCounts("市直", 80, 67, 60);

        Assert.Equal("89.6%", figures.PassedOfAssessed.Display);
        Assert.Throws<ArgumentOutOfRangeException>(() => PassRates.FromCounts("x", 10, 5, 6));
    }
}
