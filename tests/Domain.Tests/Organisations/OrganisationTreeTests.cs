using GuanGong.Domain.Organisations;
using GuanGong.Domain.Tests.Builders;

namespace GuanGong.Domain.Tests.Organisations;

public sealed class OrganisationTreeTests
{
    [Fact]
    public void Build_ValidCommittees_Succeeds()
    {
        var tree = TreeBuilder.Standard();

        Assert.Equal(9, tree.Committees.Count);
        Assert.Equal("C", Assert.Single(tree.Roots).Code);
    }

    [Fact]
    public void Build_DuplicateCode_ReportsSecondOccurrence()
    {
        var committees = new[]
        {
            TreeBuilder.Committee("C", CommitteeLevel.City, null),
            TreeBuilder.Committee("C", CommitteeLevel.City, null),
        };

        var result = OrganisationTree.Build(committees);

        var error = Assert.Single(result.Errors);
        Assert.Equal("committees[1].code", error.Path);
        Assert.Equal("committee.code_duplicate", error.Code);
    }

    [Fact]
    public void Build_UnknownParent_NamesParentCode()
    {
        var result = OrganisationTree.Build([TreeBuilder.Committee("K", CommitteeLevel.County, "NOPE")]);

        var error = Assert.Single(result.Errors);
        Assert.Equal("committees[0].parentCode", error.Path);
        Assert.Contains("NOPE", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Cycle_ReportsEveryMember()
    {
        var result = OrganisationTree.Build(
        [
            TreeBuilder.Committee("A", CommitteeLevel.County, "B"),
            TreeBuilder.Committee("B", CommitteeLevel.Township, "A"),
            TreeBuilder.Committee("X", CommitteeLevel.Township, "X"),
        ]);

        Assert.Equal(3, result.Errors.Count(e => e.Code == "committee.cycle"));
    }

    [Fact]
    public void Build_ChildNotBelowParent_Fails()
    {
        var result = OrganisationTree.Build(
        [
            TreeBuilder.Committee("T", CommitteeLevel.Township, null),
            TreeBuilder.Committee("K", CommitteeLevel.County, "T"),
        ]);

        Assert.Equal("committee.level_not_below_parent", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Build_SkippedLevel_IsAllowedForCityDepartments()
    {
        var result = OrganisationTree.Build(
        [
            TreeBuilder.Committee("C", CommitteeLevel.City, null),
            TreeBuilder.Committee("C.D", CommitteeLevel.County, "C", CommitteeKind.CityDepartments),
            TreeBuilder.Committee("C.D.1", CommitteeLevel.Grassroots, "C.D", CommitteeKind.Department),
        ]);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public void Build_BadReviewerEmail_NamesReviewerPath()
    {
        var committee = TreeBuilder.Committee("C", CommitteeLevel.City, null) with { Reviewers = [new Reviewer("张三", "not-an-email")] };

        var result = OrganisationTree.Build([committee]);

        Assert.Equal("committees[0].reviewers[0].email", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void AcceptanceChain_GrassrootsUnit_IsSelfTownshipCounty()
    {
        var tree = TreeBuilder.Standard();

        var chain = tree.AcceptanceChain("C.K.T1.U2").Value;

        Assert.Equal(["C.K.T1.U2", "C.K.T1", "C.K"], chain.Stages.Select(s => s.CommitteeCode));
        Assert.Equal([ChainRole.SelfAssessment, ChainRole.Review, ChainRole.Verdict], chain.Stages.Select(s => s.Role));
        Assert.Equal(2, chain.ReviewStageCount);
    }

    [Fact]
    public void AcceptanceChain_Township_IsDecidedByTheCounty()
    {
        var chain = TreeBuilder.Standard().AcceptanceChain("C.K.T2").Value;

        Assert.Equal(["C.K.T2", "C.K"], chain.Stages.Select(s => s.CommitteeCode));
        Assert.Equal([ChainRole.SelfAssessment, ChainRole.Verdict], chain.Stages.Select(s => s.Role));
        Assert.Equal(1, chain.ReviewStageCount);
    }

    [Fact]
    public void AcceptanceChain_CountyCampaignWithoutCity_RatesItsTownships()
    {
        var tree = new TreeBuilder().County("K", parent: null).Township("K.T", "K").Units("K.T", 2).Build();

        Assert.Equal(["K.T", "K"], tree.AcceptanceChain("K.T").Value.Stages.Select(s => s.CommitteeCode));
        Assert.Equal(["K.T.U1", "K.T", "K"], tree.AcceptanceChain("K.T.U1").Value.Stages.Select(s => s.CommitteeCode));
    }

    [Fact]
    public void AcceptanceChain_ReviewStagesDependOnLevel_UnitDirectlyUnderCountyHasOne()
    {
        var tree = new TreeBuilder().City("C").County("C.K", "C").Unit("C.K.U", "C.K", CommitteeKind.Department).Build();

        var chain = tree.AcceptanceChain("C.K.U").Value;

        Assert.Equal(["C.K.U", "C.K"], chain.Stages.Select(s => s.CommitteeCode));
        Assert.Equal(1, chain.ReviewStageCount);
    }

    [Fact]
    public void AcceptanceChain_CountyOrCity_IsNotAssessed()
    {
        Assert.Equal("chain.not_assessed", Assert.Single(TreeBuilder.Standard().AcceptanceChain("C.K").Errors).Code);
        Assert.Equal("chain.not_assessed", Assert.Single(TreeBuilder.Standard().AcceptanceChain("C").Errors).Code);
    }

    [Fact]
    public void AcceptanceChain_NoCountyAbove_Fails()
    {
        var tree = new TreeBuilder().Township("T", parent: null).Units("T", 1).Build();

        Assert.Equal("chain.no_county_above", Assert.Single(tree.AcceptanceChain("T.U1").Errors).Code);
    }

    [Fact]
    public void AcceptanceChain_FixedStageCount_KeepsTheSchemaV1Chain()
    {
        var township = TreeBuilder.Standard().AcceptanceChain("C.K.T2", reviewStages: 2).Value;
        var unit = TreeBuilder.Standard().AcceptanceChain("C.K.T1.U1", reviewStages: 3).Value;

        Assert.Equal(["C.K.T2", "C.K", "C"], township.Stages.Select(s => s.CommitteeCode));
        Assert.Equal([ChainRole.SelfAssessment, ChainRole.Review, ChainRole.Review, ChainRole.Verdict], unit.Stages.Select(s => s.Role));
        Assert.Equal("chain.incomplete", Assert.Single(TreeBuilder.Standard().AcceptanceChain("C.K", reviewStages: 2).Errors).Code);
    }

    [Fact]
    public void Subtree_County_ListsParentsBeforeChildren()
    {
        var codes = TreeBuilder.Standard().Subtree("C.K").Select(c => c.Code).ToList();

        Assert.Equal(8, codes.Count);
        Assert.Equal("C.K", codes[0]);
        Assert.True(codes.IndexOf("C.K.T1") < codes.IndexOf("C.K.T1.U1"));
    }

    [Fact]
    public void DescendantsOfKind_Schools_FindsOnlySchools()
    {
        var schools = TreeBuilder.Standard().DescendantsOfKind("C", CommitteeKind.School).Select(c => c.Code);

        Assert.Equal(["C.K.T2.U1", "C.K.T2.U2"], schools);
    }

    [Fact]
    public void Ancestors_Unit_NearestFirst()
    {
        var codes = TreeBuilder.Standard().Ancestors("C.K.T1.U1").Select(c => c.Code);

        Assert.Equal(["C.K.T1", "C.K", "C"], codes);
    }

    [Fact]
    public void DescendantsAtLevel_Township_FindsBoth()
    {
        Assert.Equal(2, TreeBuilder.Standard().DescendantsAtLevel("C", CommitteeLevel.Township).Count());
    }
}
