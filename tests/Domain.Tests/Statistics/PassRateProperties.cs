using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;
using GuanGong.Domain.Tests.Organisations;

namespace GuanGong.Domain.Tests.Statistics;

public sealed class PassRateProperties
{
    private static Gen<(IReadOnlyList<Committee> Committees, Dictionary<string, UnitStatus> Statuses)> Inputs() =>
        from committees in TreeProperties.Trees()
        from statuses in Gen.ArrayOf(Gen.Elements(Enum.GetValues<UnitStatus>()), committees.Count)
        select (committees, committees.Select((c, i) => (c.Code, statuses[i])).ToDictionary(x => x.Code, x => x.Item2));

    [Fact]
    public void ForSubtree_EveryNode_EqualsOwnPlusSumOfChildren()
    {
        Prop.ForAll(Inputs().ToArbitrary(), x =>
        {
            var tree = OrganisationTree.Build(x.Committees).Value;
            var counted = new HashSet<CommitteeLevel> { CommitteeLevel.Grassroots, CommitteeLevel.Township };
            return tree.Roots.All(root => Holds(PassRates.ForSubtree(tree, root.Code, x.Statuses, new Percentage(80), counted), tree, counted));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ForSubtree_CountsMatchADirectCountOfTheSubtree()
    {
        Prop.ForAll(Inputs().ToArbitrary(), x =>
        {
            var tree = OrganisationTree.Build(x.Committees).Value;
            var root = tree.Roots.First();
            var units = tree.Subtree(root.Code).Where(c => c.Level == CommitteeLevel.Grassroots).ToList();
            var figures = PassRates.ForSubtree(tree, root.Code, x.Statuses);
            return figures.Established == units.Count
                && figures.Passed == units.Count(u => x.Statuses[u.Code] == UnitStatus.Passed)
                && figures.Established >= figures.Assessed
                && figures.Assessed >= figures.Passed
                && (figures.PassedOfAssessed.Percent ?? 0) is >= 0 and <= 100;
        }).QuickCheckThrowOnFailure();
    }

    private static bool Holds(SubtreeFigures f, OrganisationTree tree, HashSet<CommitteeLevel> counted)
    {
        var own = counted.Contains(tree.Get(f.CommitteeCode).Level) ? 1 : 0;
        return f.Established == own + f.Children.Sum(c => c.Established)
            && f.Assessed >= f.Children.Sum(c => c.Assessed)
            && f.Assessed <= own + f.Children.Sum(c => c.Assessed)
            && f.Passed >= f.Children.Sum(c => c.Passed)
            && f.Passed <= own + f.Children.Sum(c => c.Passed)
            && f.PassedOfEstablished.Denominator == f.Established
            && f.Children.All(c => Holds(c, tree, counted));
    }
}
