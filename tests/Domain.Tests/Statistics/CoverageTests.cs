using GuanGong.Domain.Organisations;
using GuanGong.Domain.Statistics;

namespace GuanGong.Domain.Tests.Statistics;

/// <summary>
/// 组建率 (issue 16): units without a committee (已建关工组织 = 否) are held beside the tree and count only in 应建, by kind,
/// for the county and for each township; the committees' own figures (参评, 通过) are unchanged.
/// </summary>
public sealed class CoverageTests
{
    private const string Csv =
        "code,name,level,kind,parent_code,reviewers,fallback_reviewer,已建关工组织\n"
        + "X1,示范县关工委,county,county,,县审核员<county@example.cn>,,\n"
        + "T1,城关镇关工委,township,township,X1,镇审核员<town@example.cn>,,是\n"
        + "V1,第1村关工委,grassroots,village,T1,村联系人<v1@example.cn>,,是\n"
        + "V2,第2村关工委,grassroots,village,T1,村联系人<v2@example.cn>,,\n"
        + "V3,第3村,grassroots,village,T1,,,否\n"
        + "Q1,城关企业,grassroots,enterprise,T1,,,否\n"
        + "T2,东风镇关工委,township,township,X1,东风审核员<east@example.cn>,,是\n"
        + "E1,东风小学关工委,grassroots,school,T2,小学联系人<school@example.cn>,,是\n"
        + "V4,东风村,grassroots,village,T2,,,no\n";

    [Fact]
    public void Import_UnitsWithoutACommittee_AreBesideTheTreeNotInIt()
    {
        var imported = CommitteeCsvImporter.ImportOrganisation(Csv);

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Assert.Equal(["E1", "T1", "T2", "V1", "V2", "X1"], imported.Value.Tree.Committees.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["Q1", "V3", "V4"], imported.Value.WithoutCommittee.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.Equal(CommitteeKind.Enterprise, imported.Value.WithoutCommittee.Single(c => c.Code == "Q1").Kind);

        // The tree alone, as before, for callers that know no coverage.
        Assert.Equal(6, CommitteeCsvImporter.Import(Csv).Value.Committees.Count);
    }

    [Fact]
    public void Import_OldFileWithoutTheColumn_IsUnchanged()
    {
        var old = string.Join('\n', Csv.Split('\n').Select(l => l.Length == 0 ? l : l[..l.LastIndexOf(',')])).Replace(",已建关工组织", string.Empty, StringComparison.Ordinal);
        var imported = CommitteeCsvImporter.ImportOrganisation(old.Replace("\nV3,第3村,grassroots,village,T1,,\n", "\n", StringComparison.Ordinal));

        Assert.True(imported.IsSuccess, string.Join("; ", imported.Errors));
        Assert.Empty(imported.Value.WithoutCommittee);
        Assert.Contains(imported.Value.Tree.Committees, c => c.Code == "Q1");
    }

    [Theory]
    [InlineData("V5,第5村,grassroots,village,T1,,,也许\n", "csv.established_invalid")]
    [InlineData("T3,新镇,township,township,X1,,,否\n", "csv.without_committee_level")]
    [InlineData("V5,第5村,grassroots,village,T9,,,否\n", "committee.parent_unknown")]
    [InlineData("V5,第5村,grassroots,village,V3,,,否\n", "csv.parent_without_committee")]
    [InlineData("V1,第1村,grassroots,village,T1,,,否\n", "committee.code_duplicate")]
    public void Import_BadRowWithoutACommittee_IsRefusedOnItsLine(string row, string code)
    {
        var imported = CommitteeCsvImporter.ImportOrganisation(Csv + row);

        var error = Assert.Single(imported.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal(11, error.Line);
    }

    [Fact]
    public void Import_ACommitteeUnderAUnitWithoutOne_IsRefused()
    {
        var imported = CommitteeCsvImporter.ImportOrganisation(Csv + "G1,小组,grassroots,village,V3,,,是\n");

        Assert.Contains(imported.Errors, e => e.Code == "committee.parent_unknown" && e.Line == 11);
    }

    [Fact]
    public void ByKind_CountyAndTownship_ShouldEstablishIncludesTheUnitsWithoutACommittee()
    {
        var imported = CommitteeCsvImporter.ImportOrganisation(Csv).Value;
        var tree = imported.Tree;
        var statuses = new Dictionary<string, UnitStatus> { ["V1"] = UnitStatus.Passed, ["V2"] = UnitStatus.Returned, ["E1"] = UnitStatus.Passed };

        var county = Coverage.ByKind(PassRates.ByKind(tree, "X1", statuses), Coverage.WithoutCommitteeUnder(tree, "X1", imported.WithoutCommittee));

        // 村: 4 should (V1, V2 with; V3, V4 without), 2 established = 50.0%; 2 assessed, 1 passed.
        var village = county.Single(k => k.Kind == CommitteeKind.Village);
        Assert.Equal((4, 2, 2, 1), (village.ShouldEstablish, village.Established, village.Assessed, village.Passed));
        Assert.Equal("50.0%", village.EstablishedOfShould.Display);

        // 企业: none established yet, so 0 of 1 and nothing assessed; 学校: all established.
        var enterprise = county.Single(k => k.Kind == CommitteeKind.Enterprise);
        Assert.Equal((1, 0, 0, 0), (enterprise.ShouldEstablish, enterprise.Established, enterprise.Assessed, enterprise.Passed));
        Assert.Equal("0.0%", enterprise.EstablishedOfShould.Display);
        Assert.Equal("100.0%", county.Single(k => k.Kind == CommitteeKind.School).EstablishedOfShould.Display);
        Assert.Equal([CommitteeKind.Village, CommitteeKind.School, CommitteeKind.Enterprise], county.Select(k => k.Kind));

        var total = Coverage.Total(county);
        Assert.Equal((6, 3, 3, 2), (total.ShouldEstablish, total.Established, total.Assessed, total.Passed));
        Assert.Equal("50.0%", total.EstablishedOfShould.Display);

        // A township sees only its own units: 城关镇 has V3 and Q1 without; 东风镇 has V4.
        var town = Coverage.ByKind(PassRates.ByKind(tree, "T1", statuses), Coverage.WithoutCommitteeUnder(tree, "T1", imported.WithoutCommittee));
        Assert.Equal((3, 2), (town.Single(k => k.Kind == CommitteeKind.Village).ShouldEstablish, town.Single(k => k.Kind == CommitteeKind.Village).Established));
        Assert.Equal(1, town.Single(k => k.Kind == CommitteeKind.Enterprise).ShouldEstablish);
        var east = Coverage.ByKind(PassRates.ByKind(tree, "T2", statuses), Coverage.WithoutCommitteeUnder(tree, "T2", imported.WithoutCommittee));
        Assert.Equal("0.0%", east.Single(k => k.Kind == CommitteeKind.Village).EstablishedOfShould.Display);
        Assert.DoesNotContain(east, k => k.Kind == CommitteeKind.Enterprise);
    }

    [Fact]
    public void ByKind_NoUnitsWithoutACommittee_CoverageIsFull()
    {
        var tree = CommitteeCsvImporter.Import(Csv).Value;
        var county = Coverage.ByKind(PassRates.ByKind(tree, "X1", new Dictionary<string, UnitStatus>()), []);

        Assert.All(county, k => Assert.Equal(k.Established, k.ShouldEstablish));
        Assert.All(county, k => Assert.Equal("100.0%", k.EstablishedOfShould.Display));
        Assert.Equal("—", Coverage.Total([]).EstablishedOfShould.Display);
    }
}
