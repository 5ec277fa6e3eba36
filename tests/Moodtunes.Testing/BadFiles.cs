using System.IO.Compression;
using System.Text;

namespace Moodtunes.Testing;

/// <summary>Files people upload by mistake or on purpose: each must be refused with a clear reason.</summary>
public static class BadFiles
{
    public static byte[] Empty => [];

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Svg => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><circle r=\"4\"/></svg>");

    /// <summary>The smallest valid GIF (1×1, one frame).</summary>
    public static byte[] Gif =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
        0x21, 0xF9, 4, 0, 0, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B,
    ];

    /// <summary>A looping two-frame 1×1 GIF (NETSCAPE2.0 extension), as animated stickers and memes are saved.</summary>
    public static byte[] AnimatedGif =>
    [
        .. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF,
        0x21, 0xFF, 0x0B, .. "NETSCAPE2.0"u8, 3, 1, 0, 0, 0,
        0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0,
        0x21, 0xF9, 4, 0, 10, 0, 0, 0, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x4C, 1, 0,
        0x3B,
    ];

    /// <summary>A real JPEG whose frame header (SOF) is rewritten to declare another size.</summary>
    public static byte[] JpegDeclaring(byte[] jpeg, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var patched = (byte[])jpeg.Clone();
        for (var i = 2; i + 9 < patched.Length; i++)
        {
            if (patched[i] == 0xFF && patched[i + 1] is 0xC0 or 0xC1 or 0xC2)
            {
                // FF Cn, length (2), precision (1), height (2), width (2), all big-endian
                (patched[i + 5], patched[i + 6]) = ((byte)(height >> 8), (byte)height);
                (patched[i + 7], patched[i + 8]) = ((byte)(width >> 8), (byte)width);
                return patched;
            }
        }

        throw new ArgumentException("No SOF marker found.", nameof(jpeg));
    }

    /// <summary>The first part of a real photo, as a failed or interrupted upload leaves it.</summary>
    public static byte[] Truncated(byte[] photo, double keep = 0.6) => photo[..(int)(photo.Length * keep)];

    /// <summary>
    /// A valid PNG header declaring width × height pixels (50000×50000 is 10 GB of RGBA) followed by
    /// a little real pixel data: a decompression bomb as the decoder first sees it.
    /// </summary>
    public static byte[] HugePng(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        WriteBigEndian(header, 0, width);
        WriteBigEndian(header, 4, height);
        header[8] = 8; // bit depth
        header[9] = 2; // RGB
        WriteChunk(output, "IHDR", header);

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(new byte[64 * 1024]);
        }

        WriteChunk(output, "IDAT", compressed.ToArray());
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        var length = new byte[4];
        WriteBigEndian(length, 0, data.Length);
        output.Write(length);
        byte[] typeAndData = [.. Encoding.ASCII.GetBytes(type), .. data];
        output.Write(typeAndData);
        var crc = new byte[4];
        WriteBigEndian(crc, 0, unchecked((int)Crc32(typeAndData)));
        output.Write(crc);
    }

    private static void WriteBigEndian(byte[] buffer, int offset, int value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }

    /// <summary>PNG's CRC-32 (ISO 3309, reflected polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
