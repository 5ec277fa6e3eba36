using SkiaSharp;

namespace Moodtunes.Vision.Imaging;

/// <summary>
/// An upright RGBA image ready for the detector, possibly smaller than the stored photo.
/// <see cref="SourceWidth"/>/<see cref="SourceHeight"/> are the photo's upright size.
/// </summary>
internal sealed class LoadedImage(SKBitmap bitmap, int sourceWidth, int sourceHeight) : IDisposable
{
    public SKBitmap Bitmap { get; } = bitmap;

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    public int SourceWidth { get; } = sourceWidth;

    public int SourceHeight { get; } = sourceHeight;

    public void Dispose() => Bitmap.Dispose();
}
