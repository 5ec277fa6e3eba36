using SkiaSharp;

namespace Moodtunes.Vision.Imaging;

/// <summary>Scales images down to a longer side; each caller picks its sampling (speed against smoothness).</summary>
internal static class ImageShrinker
{
    /// <summary>A new RGBA copy of <paramref name="image"/> whose longer side is <paramref name="longSide"/>; null when it is no longer than that already.</summary>
    public static SKBitmap? ToLongSide(SKBitmap image, int longSide, SKSamplingOptions sampling)
    {
        var scale = (float)longSide / Math.Max(image.Width, image.Height);
        if (scale >= 1f)
        {
            return null;
        }

        var info = new SKImageInfo(
            Math.Max(1, (int)MathF.Round(image.Width * scale)),
            Math.Max(1, (int)MathF.Round(image.Height * scale)),
            SKColorType.Rgba8888,
            SKAlphaType.Premul);
        return image.Resize(info, sampling) ?? throw new InvalidOperationException($"Skia could not scale a {image.ColorType} image.");
    }
}
