namespace Moodtunes.Vision.Imaging;

internal enum ImageFormat
{
    Unknown,
    Jpeg,
    Png,
    WebP,
    Gif,
    Bmp,
    Heif,
    Tiff,
    Pdf,
    Svg,
}

/// <summary>Tells the format from the first bytes, never from a file name or a declared content type.</summary>
internal static class ImageFormatSniffer
{
    public static ImageFormat Sniff(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ImageFormat.Jpeg;
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ImageFormat.Png;
        }

        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
        {
            return ImageFormat.WebP;
        }

        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
        {
            return ImageFormat.Gif;
        }

        if (data.StartsWith("BM"u8))
        {
            return ImageFormat.Bmp;
        }

        if (data.Length >= 12 && data[4..8].SequenceEqual("ftyp"u8))
        {
            return ImageFormat.Heif;
        }

        if (data.StartsWith("II*\0"u8) || data.StartsWith("MM\0*"u8))
        {
            return ImageFormat.Tiff;
        }

        if (data.StartsWith("%PDF"u8))
        {
            return ImageFormat.Pdf;
        }

        return LooksLikeSvg(data) ? ImageFormat.Svg : ImageFormat.Unknown;
    }

    private static bool LooksLikeSvg(ReadOnlySpan<byte> data)
    {
        var head = data[..Math.Min(data.Length, 512)];
        return head.IndexOf("<svg"u8) >= 0 || (head.TrimStart((byte)' ').StartsWith("<?xml"u8) && head.IndexOf("svg"u8) >= 0);
    }
}
