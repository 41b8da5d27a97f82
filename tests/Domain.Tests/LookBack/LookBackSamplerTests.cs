using GuanGong.Domain.LookBack;
using GuanGong.Domain.Organisations;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.LookBack;

public sealed class LookBackSamplerTests
{
    private static readonly OrganisationTree Tree = new TreeBuilder()
        .City("C").County("C.K", "C")
        .Township("C.K.T1", "C.K").Units("C.K.T1", 25)
        .Township("C.K.T2", "C.K").Units("C.K.T2", 10)
        .Township("C.K.T3", "C.K").Units("C.K.T3", 3)
        .Township("C.K.T4", "C.K").Units("C.K.T4", 4)
        .Build();

    private static IEnumerable<string> AllPassed(params string[] except) =>
        Tree.DescendantsAtLevel("C", CommitteeLevel.Grassroots).Select(c => c.Code).Where(c => !except.Contains(c) && !c.StartsWith("C.K.T4", StringComparison.Ordinal));

    [Fact]
    public void Draw_TenPercent_CeilingPerTownship()
    {
        var sample = LookBackSampler.Draw(Tree, AllPassed(), new Percentage(10), "seed-2026-11-21");

        Assert.Equal(["C.K.T1", "C.K.T2", "C.K.T3"], sample.Strata.Select(s => s.StratumCode));
        Assert.Equal([3, 1, 1], sample.Strata.Select(s => s.SampleSize)); // ⌈2.5⌉, ⌈1.0⌉, ⌈0.3⌉; T4 has no passed unit
        Assert.All(sample.Strata, s => Assert.All(s.SelectedUnitCodes, u => Assert.StartsWith(s.StratumCode + ".", u, StringComparison.Ordinal)));
    }

    [Fact]
    public void Draw_SameSeedAnyInputOrder_SameSample()
    {
        var a = LookBackSampler.Draw(Tree, AllPassed(), new Percentage(20), "abc");
        var b = LookBackSampler.Draw(Tree, AllPassed().Reverse(), new Percentage(20), "abc");

        Assert.Equal(a.SelectedUnitCodes(), b.SelectedUnitCodes());
    }

    [Fact]
    public void Draw_DifferentSeeds_DifferentSamples()
    {
        var samples = Enumerable.Range(0, 5)
            .Select(i => string.Join(",", LookBackSampler.Draw(Tree, AllPassed(), new Percentage(20), $"seed-{i}").SelectedUnitCodes()))
            .Distinct();

        Assert.True(samples.Count() > 1);
    }

    [Fact]
    public void Draw_KnownSeed_IsStableAcrossRuns()
    {
        // Pinned (computed independently: SHA-256 of seed + "\n" + code, ascending hex) so a change of algorithm shows up:
        // a stored sample must stay re-checkable by anyone holding the seed.
        var sample = LookBackSampler.Draw(Tree, AllPassed(), new Percentage(10), "seed-2026-11-21");

        Assert.Equal(["C.K.T1.U1", "C.K.T1.U22", "C.K.T1.U19", "C.K.T2.U2", "C.K.T3.U1"], sample.SelectedUnitCodes());
    }

    [Fact]
    public void Draw_ZeroShare_DrawsNothing()
    {
        Assert.Empty(LookBackSampler.Draw(Tree, AllPassed(), new Percentage(0), "s").SelectedUnitCodes());
    }

    [Fact]
    public void Draw_UnitsWithoutTownship_StratifiedByParent()
    {
        var tree = OrganisationTree.Build(
        [
            TreeBuilder.Committee("C", CommitteeLevel.City, null),
            TreeBuilder.Committee("C.D", CommitteeLevel.County, "C", CommitteeKind.CityDepartments),
            TreeBuilder.Committee("C.D.1", CommitteeLevel.Grassroots, "C.D", CommitteeKind.Department),
            TreeBuilder.Committee("C.D.2", CommitteeLevel.Grassroots, "C.D", CommitteeKind.Department),
        ]).Value;

        var sample = LookBackSampler.Draw(tree, ["C.D.1", "C.D.2"], new Percentage(50), "s");

        Assert.Equal("C.D", Assert.Single(sample.Strata).StratumCode);
    }

    [Fact]
    public void Sample_JsonRoundTrip()
    {
        var sample = LookBackSampler.Draw(Tree, AllPassed(), new Percentage(10), "s");

        var back = DomainJson.Deserialize<LookBackSample>(DomainJson.Serialize(sample));

        Assert.Equal(sample.SelectedUnitCodes(), back.SelectedUnitCodes());
    }
}
