using System.IO.Compression;

namespace GuanGong.Functions.Tests.Builders;

/// <summary>Small files whose first bytes are what real files of each kind start with.</summary>
internal static class SampleFiles
{
    public static byte[] Pdf(int length = 2048) => Fill("%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), length);

    public static byte[] Png(int length = 512) => Fill([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52], length);

    public static byte[] Executable(int length = 512) => Fill("MZ\x90\0\x03\0\0\0\x04\0\0\0"u8.ToArray(), length);

    public static byte[] Html() => "<html><script>alert(1)</script></html>"u8.ToArray();

    public static byte[] Docx() => Zip("[Content_Types].xml", "word/document.xml", "word/_rels/document.xml.rels");

    public static byte[] Xlsx() => Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    /// <summary>A ZIP with a content-types part but no Word or Excel main part: an archive, not a document.</summary>
    public static byte[] PlainZip() => Zip("[Content_Types].xml", "payload/run.exe");

    private static byte[] Fill(byte[] header, int length)
    {
        var bytes = new byte[Math.Max(length, header.Length)];
        new Random(length).NextBytes(bytes);
        header.CopyTo(bytes, 0);
        return bytes;
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }

        return buffer.ToArray();
    }
}
