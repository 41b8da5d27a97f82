using System.IO.Compression;
using GuanGong.Functions.Ledgers;

namespace GuanGong.Functions.Tests.Ledgers;

public sealed class LedgerFileSnifferTests
{
    public static TheoryData<byte[], string?> Headers => new()
    {
        { "%PDF-1.7\n%âãÏÓ"u8.ToArray(), "application/pdf" },
        { new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 }, "image/png" },
        { new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46 }, "image/jpeg" },
        { new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "application/x-ole-storage" },
        { "MZ\x90\0\x03\0\0\0"u8.ToArray(), null },
        { "<html><script>"u8.ToArray(), null },
        { Array.Empty<byte>(), null },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Detect_Header_ReturnsKindByContent(byte[] header, string? expectedContentType)
    {
        Assert.Equal(expectedContentType, LedgerFileSniffer.Detect(header)?.ContentType);
    }

    [Theory]
    [InlineData("word/document.xml", "Word 文档")]
    [InlineData("xl/workbook.xml", "Excel 表格")]
    [InlineData("payload/evil.exe", null)]
    public void ConfirmOfficeOpenXml_ZipByMainPart_ReturnsWordExcelOrNothing(string mainPart, string? expectedName)
    {
        using var zip = Zip("[Content_Types].xml", mainPart);

        Assert.Equal(expectedName, LedgerFileSniffer.ConfirmOfficeOpenXml(zip)?.Name);
    }

    [Fact]
    public void ConfirmOfficeOpenXml_ZipWithoutContentTypes_IsRefused()
    {
        using var zip = Zip("word/document.xml");

        Assert.Null(LedgerFileSniffer.ConfirmOfficeOpenXml(zip));
    }

    [Fact]
    public void ConfirmOfficeOpenXml_TruncatedZip_IsRefused()
    {
        using var truncated = new MemoryStream([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        Assert.Null(LedgerFileSniffer.ConfirmOfficeOpenXml(truncated));
    }

    private static MemoryStream Zip(params string[] entries)
    {
        var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        buffer.Position = 0;
        return buffer;
    }
}
