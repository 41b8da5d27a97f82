using System.Text;
using GuanGong.Domain.Organisations;

namespace GuanGong.Domain.Tests.Organisations;

public sealed class CommitteeCsvImporterTests
{
    private const string Header = "code,name,level,kind,parent_code,reviewers,fallback_reviewer\n";

    [Fact]
    public void Import_ChineseNamesAndQuotedFields_Succeeds()
    {
        var csv = Header
            + "530100,昆明市关工委,city,city,,\"李明<liming@km.gov.cn>;王芳<wangfang@km.gov.cn>\",赵强<zhaoqiang@km.gov.cn>\n"
            + "530112,西山区关工委,区,区,530100,刘洋<liuyang@xs.gov.cn>,\n"
            + "530112-01,\"碧鸡街道关工委, 含社区\",街道,街道,530112,,\n"
            + "530112-01-01,\"龙门村关工委（\"\"五好\"\"示范点）\",基层,村,530112-01,,\n";

        var tree = CommitteeCsvImporter.Import(csv).Value;

        Assert.Equal(4, tree.Committees.Count);
        var city = tree.Get("530100");
        Assert.Equal(2, city.Reviewers.Count);
        Assert.Equal("zhaoqiang@km.gov.cn", city.FallbackReviewer!.Email);
        Assert.Equal("碧鸡街道关工委, 含社区", tree.Get("530112-01").Name);
        Assert.Equal("龙门村关工委（\"五好\"示范点）", tree.Get("530112-01-01").Name);
        Assert.Equal(CommitteeKind.Street, tree.Get("530112-01").Kind);
        Assert.Equal(CommitteeLevel.Township, tree.Get("530112-01").Level);
    }

    [Fact]
    public void Import_Utf8BytesWithBomAndCrLf_Succeeds()
    {
        var csv = "编码,名称,层级,类型,上级编码\r\nC,市关工委,市,市关工委,\r\nK,县关工委,县,县,C\r\n";
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var result = CommitteeCsvImporter.Import(bytes);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("市关工委", result.Value.Get("C").Name);
    }

    [Fact]
    public void Import_NotUtf8_AsksForUtf8()
    {
        byte[] gbkLike = [0xB1, 0xE0, 0xC2, 0xEB, 0x2C, 0x0A];

        var result = CommitteeCsvImporter.Import(gbkLike);

        Assert.Equal("csv.not_utf8", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void Import_SeveralBadRows_ReportsEveryRowWithItsLine()
    {
        var csv = Header
            + "C,市关工委,city,city,,,\n"               // line 2: fine
            + ",无编码,county,county,C,,\n"             // line 3: code missing
            + "K2,县二,planet,county,C,,\n"             // line 4: unknown level
            + "K3,县三,county,county,NOPE,,\n"          // line 5: unknown parent
            + "K4,县四,county,county,C,张三<bad>,\n"     // line 6: bad email
            + "K5,县五,county,county\n"                 // line 7: wrong field count
            + "C,重复,city,city,,,\n"                   // line 8: duplicate code
            + "T1,乡一,township,township,K2,,\n";        // line 9: parent on a bad row: not blamed again

        var result = CommitteeCsvImporter.Import(csv);

        Assert.False(result.IsSuccess);
        Assert.Equal([3, 4, 5, 6, 7, 8], result.Errors.Select(e => e.Line!.Value).Distinct());
        Assert.Contains(result.Errors, e => e.Line == 5 && e.Path == "parent_code");
        Assert.Contains(result.Errors, e => e.Line == 6 && e.Path == "reviewers");
        Assert.Contains(result.Errors, e => e.Line == 8 && e.Code == "committee.code_duplicate");
    }

    [Fact]
    public void Import_QuotedFieldSpanningLines_ReportsLaterRowsOnTheirRealLine()
    {
        // A line break is refused in a kept cell (name, reviewers...) but the ignored note may hold one.
        var csv = "code,name,level,kind,parent_code,note\n"
            + "C,市关工委,city,city,,\"备注\n（第二行）\"\n"   // lines 2-3
            + "K,县,county,county,NOPE,\n";               // line 4

        var error = Assert.Single(CommitteeCsvImporter.Import(csv).Errors);

        Assert.Equal(4, error.Line);
    }

    [Fact]
    public void Import_MissingRequiredColumn_ReportsHeader()
    {
        var result = CommitteeCsvImporter.Import("code,name,level\nC,市,city\n");

        Assert.Equal(2, result.Errors.Count(e => e.Code == "csv.column_missing"));
        Assert.All(result.Errors, e => Assert.Equal(1, e.Line));
    }

    [Fact]
    public void Import_UnterminatedQuote_Fails()
    {
        var result = CommitteeCsvImporter.Import(Header + "C,\"市关工委,city,city,,,\n");

        Assert.Contains(result.Errors, e => e.Code == "csv.unterminated_quote" && e.Line == 2);
    }

    [Fact]
    public void Import_RegionalLevelNames_AreData()
    {
        var options = CommitteeCsvOptions.Default with
        {
            LevelNames = new Dictionary<string, CommitteeLevel>(StringComparer.OrdinalIgnoreCase) { ["盟"] = CommitteeLevel.City, ["旗"] = CommitteeLevel.County },
        };

        var tree = CommitteeCsvImporter.Import("code,name,level,kind,parent_code\nM,某盟,盟,city,\nQ,某旗,旗,county,M\n", options).Value;

        Assert.Equal(CommitteeLevel.County, tree.Get("Q").Level);
    }

    [Fact]
    public void Import_NoteColumnIgnored_MisspeltColumnRefused()
    {
        Assert.True(CommitteeCsvImporter.Import("code,name,level,kind,parent_code,备注\nC,市,city,city,,示范\n").IsSuccess);

        var error = Assert.Single(CommitteeCsvImporter.Import("code,name,level,kind,parent_code,reviewer\nC,市,city,city,,张三<a@b.cn>\n").Errors);
        Assert.Equal("csv.column_unknown", error.Code);
    }

    [Fact]
    public void Import_TrailingEmptyRowsAndQuotedCrLfInNote_Handled()
    {
        var csv = "code,name,level,kind,parent_code,note\r\nC,市关工委,city,city,,\"备注\r\n（第二行）\"\r\n,,,,,\r\n,,,,,\r\n";

        var tree = CommitteeCsvImporter.Import(csv).Value;

        Assert.Equal("市关工委", Assert.Single(tree.Committees).Name);
    }

    [Fact]
    public void Import_QuotedCrLfInName_RefusedOnItsLineNotCarriedIntoTheTree()
    {
        var csv = "code,name,level,kind,parent_code\r\nC,\"市关工委\r\n（第二行）\",city,city,\r\n,,,,\r\n";

        var error = Assert.Single(CommitteeCsvImporter.Import(csv).Errors);

        Assert.Equal(("text.unsafe_character", "name", 2), (error.Code, error.Path, error.Line!.Value));
    }

    [Fact]
    public void Import_TrailingEmptyHeaderColumn_Ignored()
    {
        Assert.True(CommitteeCsvImporter.Import("code,name,level,kind,parent_code,\nC,市,city,city,,\n").IsSuccess);
    }

    [Fact]
    public void Import_EmptyFile_Fails()
    {
        Assert.Equal("csv.empty", Assert.Single(CommitteeCsvImporter.Import(string.Empty).Errors).Code);
    }

    [Theory]
    [InlineData("\"县关工委\r\n二部\"", "name")]
    [InlineData("\"县关工委\n二部\"", "name")]
    [InlineData("县关\u0000工委", "name")]
    [InlineData("县关工委\u202Egpj", "name")]
    [InlineData("县关工委\u2066x\u2069", "name")]
    [InlineData("县关工委\u2028二部", "name")]
    public void Import_UnsafeCharacterInName_FailsOnThatRow(string name, string column)
    {
        var csv = Header + "C,市关工委,市,市关工委,,,\nK," + name + ",县,县,C,\"王芳<wf@k.gov.cn>\",\n";

        var result = CommitteeCsvImporter.Import(csv);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("text.unsafe_character", column, 3), (error.Code, error.Path, error.Line!.Value));
        Assert.Contains("名称", error.MessageZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_LineBreakInReviewerName_FailsEveryBadRowNotJustTheFirst()
    {
        var csv = Header
            + "C,市关工委,市,市关工委,,,\n"
            + "K,县关工委,县,县,C,\"王\r\n芳<wf@k.gov.cn>\",\n"
            + "T,乡关工委,乡镇,乡镇,K,,\"李\u202E明<lm@k.gov.cn>\"\n";

        var result = CommitteeCsvImporter.Import(csv);

        Assert.Equal([(3, "reviewers"), (5, "fallback_reviewer")], result.Errors.Select(e => (e.Line!.Value, e.Path)));
        Assert.All(result.Errors, e => Assert.Equal("text.unsafe_character", e.Code));
    }

    [Fact]
    public void Import_CrLfOutsideFieldsAndTrailingSpaces_StillSucceeds()
    {
        var csv = "code,name,level,kind,parent_code\r\nC, 市关工委 ,市,市关工委,\r\n";

        var result = CommitteeCsvImporter.Import(csv);

        Assert.True(result.IsSuccess, string.Join("; ", result.Errors));
        Assert.Equal("市关工委", result.Value.Get("C").Name);
    }
}
