using SkiaSharp;

namespace Moodtunes.Vision.Imaging;

/// <summary>
/// An upright RGBA image ready for the detector, possibly smaller than the stored photo.
/// <see cref="SourceWidth"/>/<see cref="SourceHeight"/> are the photo's upright size.
/// </summary>
public sealed class LoadedImage(SKBitmap bitmap, ImageFormat format, int sourceWidth, int sourceHeight, SKEncodedOrigin origin) : IDisposable
{
    public SKBitmap Bitmap { get; } = bitmap;

    public ImageFormat Format { get; } = format;

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    public int SourceWidth { get; } = sourceWidth;

    public int SourceHeight { get; } = sourceHeight;

    /// <summary>The EXIF orientation that was applied (TopLeft when none).</summary>
    public SKEncodedOrigin Origin { get; } = origin;

    public void Dispose() => Bitmap.Dispose();
}
