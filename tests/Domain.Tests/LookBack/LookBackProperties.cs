using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.LookBack;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Tests.Organisations;

namespace GuanGong.Domain.Tests.LookBack;

public sealed class LookBackProperties
{
    [Fact]
    public void Draw_AnyTreeAndShare_SubsetOfPassedWithCeilingSizes()
    {
        var inputs =
            from committees in TreeProperties.Trees()
            from mask in Gen.ArrayOf(Gen.Elements(true, false), committees.Count)
            from percent in Gen.Choose(0, 100)
            from seed in Gen.Choose(0, 1000)
            select (committees, mask, percent, seed);

        Prop.ForAll(inputs.ToArbitrary(), x =>
        {
            var tree = OrganisationTree.Build(x.committees).Value;
            var passed = x.committees.Where((c, i) => x.mask[i] && c.Level == CommitteeLevel.Grassroots).Select(c => c.Code).ToHashSet();
            var share = new Percentage(x.percent);
            var sample = LookBackSampler.Draw(tree, passed, share, $"s{x.seed}");
            var selected = sample.SelectedUnitCodes().ToList();
            return selected.All(passed.Contains)
                && selected.Distinct().Count() == selected.Count
                && sample.Strata.Sum(s => s.PassedCount) == passed.Count
                && sample.Strata.All(s => s.SampleSize == (int)Math.Ceiling(s.PassedCount * x.percent / 100m) && s.SelectedUnitCodes.Count == s.SampleSize);
        }).QuickCheckThrowOnFailure();
    }
}
