using System.IO.Compression;
using System.Text;

namespace GuanGong.Functions.Ledgers;

/// <summary>
/// Decides a ledger's type from its first bytes (magic numbers), never from its name or the
/// Content-Type the browser claims: a renamed .exe must not become a "PDF" that a reviewer opens.
/// Office Open XML files are ZIPs; they are told apart by the part names in the ZIP's central
/// directory, which the caller supplies from the whole file when the header alone is a ZIP.
/// </summary>
public static class LedgerFileSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs.</summary>
    public const int HeaderLength = 16;

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> OleMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The kind for a header, or <c>null</c> when it is none we accept. A ZIP header answers <see cref="LedgerFileKind.Docx"/> provisionally; confirm with <see cref="ConfirmOfficeOpenXml"/>.</summary>
    public static LedgerFileKind? Detect(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PdfMagic))
        {
            return LedgerFileKind.Pdf;
        }

        if (header.StartsWith(PngMagic))
        {
            return LedgerFileKind.Png;
        }

        if (header.StartsWith(JpegMagic))
        {
            return LedgerFileKind.Jpeg;
        }

        if (header.StartsWith(OleMagic))
        {
            return LedgerFileKind.LegacyOffice;
        }

        return header.StartsWith(ZipMagic) ? LedgerFileKind.Docx : null;
    }

    /// <summary>Whether the stream's first bytes are a ZIP (an Office Open XML candidate).</summary>
    public static bool IsZip(ReadOnlySpan<byte> header) => header.StartsWith(ZipMagic);

    /// <summary>
    /// Opens a ZIP that claims to be an Office document and returns Word or Excel by its main part,
    /// or <c>null</c> for any other ZIP (an archive of anything must not pass as a document).
    /// </summary>
    public static LedgerFileKind? ConfirmOfficeOpenXml(Stream seekableZip)
    {
        ArgumentNullException.ThrowIfNull(seekableZip);
        try
        {
            using var zip = new ZipArchive(seekableZip, ZipArchiveMode.Read, leaveOpen: true, Encoding.UTF8);
            if (zip.GetEntry("[Content_Types].xml") is null)
            {
                return null;
            }

            if (zip.GetEntry("word/document.xml") is not null)
            {
                return LedgerFileKind.Docx;
            }

            return zip.GetEntry("xl/workbook.xml") is not null ? LedgerFileKind.Xlsx : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
