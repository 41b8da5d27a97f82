using FsCheck;
using FsCheck.Fluent;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Tests.Organisations;

public sealed class TreeProperties
{
    /// <summary>Random valid trees: node i's parent is a random earlier node at a higher level.</summary>
    internal static Gen<IReadOnlyList<Committee>> Trees() =>
        from size in Gen.Choose(1, 40)
        from seeds in Gen.ArrayOf(Gen.Choose(0, 1_000_000), size)
        select (IReadOnlyList<Committee>)Generate(seeds);

    [Fact]
    public void Subtree_EveryNode_EqualsSelfPlusChildrenSubtrees()
    {
        Prop.ForAll(Trees().ToArbitrary(), committees =>
        {
            var tree = OrganisationTree.Build(committees).Value;
            return tree.Committees.All(c =>
                tree.Subtree(c.Code).Count() == 1 + tree.Children(c.Code).Sum(ch => tree.Subtree(ch.Code).Count()));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Build_ShuffledInput_SameTree()
    {
        Prop.ForAll(Trees().ToArbitrary(), committees =>
        {
            var reversed = committees.Reverse().ToList();
            var tree = OrganisationTree.Build(reversed);
            return tree.IsSuccess && tree.Value.Roots.Count() == committees.Count(c => c.IsRoot);
        }).QuickCheckThrowOnFailure();
    }

    private static List<Committee> Generate(int[] seeds)
    {
        var list = new List<Committee>();
        for (var i = 0; i < seeds.Length; i++)
        {
            var candidates = list.Where(c => c.Level != CommitteeLevel.Grassroots).ToList();
            Committee? parent = i == 0 || candidates.Count == 0 ? null : candidates[seeds[i] % candidates.Count];
            var level = parent is null ? CommitteeLevel.City : (CommitteeLevel)Math.Min(4, (int)parent.Level + 1 + (seeds[i] % 2));
            list.Add(Builders.TreeBuilder.Committee($"N{i}", level, parent?.Code));
        }

        return list;
    }
}
