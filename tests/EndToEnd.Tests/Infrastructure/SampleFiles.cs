using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace GuanGong.EndToEnd.Tests.Infrastructure;

/// <summary>Small but real files to upload: a one-page PDF and a PNG picture (so the review page can show it).</summary>
public static class SampleFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>A 160×100 PNG: a blue field with a green band, as a stand-in for a photo of a notice board.</summary>
    public static byte[] Png()
    {
        const int Width = 160, Height = 100;
        var raw = new byte[Height * ((Width * 3) + 1)];
        for (var y = 0; y < Height; y++)
        {
            var row = y * ((Width * 3) + 1);
            for (var x = 0; x < Width; x++)
            {
                var band = y is > 40 and < 60;
                raw[row + 1 + (x * 3)] = band ? (byte)10 : (byte)11;
                raw[row + 2 + (x * 3)] = band ? (byte)92 : (byte)79;
                raw[row + 3 + (x * 3)] = band ? (byte)43 : (byte)156;
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), Height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    // PNG's CRC-32 (ISO 3309), bit by bit: a few hundred bytes, no table needed.
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
