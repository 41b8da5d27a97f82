using GuanGong.Functions.Ledgers;

namespace GuanGong.Functions.Tests.Ledgers;

public sealed class LedgerFileNameTests
{
    [Theory]
    [InlineData("会议纪要.pdf", "会议纪要.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("a/b\\c.pdf", "c.pdf")]
    [InlineData("....", "")]
    [InlineData("a..b.pdf", "a.b.pdf")]
    [InlineData("  名单 .xlsx  ", "名单 .xlsx")]
    [InlineData("tab\there\r\n.pdf", "tabhere.pdf")]
    [InlineData("right\u202Eto-left.pdf", "rightto-left.pdf")]
    [InlineData("what?*<>|\":.pdf", "what.pdf")]
    [InlineData(null, "")]
    public void Sanitise_Name_KeepsOnlyASafeLastSegment(string? raw, string expected)
    {
        Assert.Equal(expected, LedgerFileName.Sanitise(raw));
    }

    [Fact]
    public void Sanitise_LongChineseName_IsCutTo100CharactersWithoutSplittingASurrogatePair()
    {
        var name = new string('台', 99) + "😀" + ".pdf";

        var clean = LedgerFileName.Sanitise(name);

        Assert.Equal(99, clean.Length);
        Assert.All(clean, c => Assert.False(char.IsSurrogate(c)));
    }

    [Theory]
    [InlineData("a.pdf", "PDF", "a.pdf")]
    [InlineData("a.PDF", "PDF", "a.PDF")]
    [InlineData("a.pdf", "PNG", "a.pdf.png")]
    [InlineData("photo.jpeg", "JPEG", "photo.jpeg")]
    [InlineData("表.xls", "OLE", "表.xls")]
    [InlineData("noext", "DOCX", "noext.docx")]
    public void WithExtensionOf_Kind_AppendsTheDetectedExtensionWhenTheNameLies(string name, string kind, string expected)
    {
        var detected = kind switch
        {
            "PDF" => LedgerFileKind.Pdf,
            "PNG" => LedgerFileKind.Png,
            "JPEG" => LedgerFileKind.Jpeg,
            "OLE" => LedgerFileKind.LegacyOffice,
            _ => LedgerFileKind.Docx,
        };

        Assert.Equal(expected, LedgerFileName.WithExtensionOf(name, detected));
    }

    [Fact]
    public void WithExtensionOf_MaximalName_StaysWithinTheLimit()
    {
        Assert.Equal(LedgerFileName.MaxLength, LedgerFileName.WithExtensionOf(new string('a', 100), LedgerFileKind.Pdf).Length);
    }
}
