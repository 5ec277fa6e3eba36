namespace Moodtunes.Vision.Imaging;

/// <summary>Why a photo cannot be analysed; each reason maps to a message the user can act on.</summary>
public enum ImageRejection
{
    /// <summary>Empty, random bytes, a PDF, an SVG: nothing we recognise as a raster photo.</summary>
    NotAnImage,

    /// <summary>A real image format we do not analyse (GIF, HEIC, BMP, ...).</summary>
    UnsupportedFormat,

    /// <summary>The header claims more pixels than we will decode (a decompression bomb, or a huge scan).</summary>
    TooLarge,

    /// <summary>Decoding it would cost more than one photo may (a JPEG with too many scans, or too many pixels for its kind).</summary>
    TooComplex,

    /// <summary>The header is readable but the pixel data is damaged or cut short.</summary>
    Corrupt,
}

/// <summary>A photo the loader refuses, with the reason as a value and a sentence for people.</summary>
public sealed class ImageRejectedException(ImageRejection reason, string message) : Exception(message)
{
    public ImageRejection Reason { get; } = reason;
}
