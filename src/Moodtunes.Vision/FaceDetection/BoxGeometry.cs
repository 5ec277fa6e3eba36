using SkiaSharp;

namespace Moodtunes.Vision.FaceDetection;

internal static class BoxGeometry
{
    /// <summary>Intersection over union: 1 for the same box, 0 for boxes that do not touch.</summary>
    public static float IoU(SKRect a, SKRect b)
    {
        var intersection = SKRect.Intersect(a, b);
        if (intersection.IsEmpty)
        {
            return 0;
        }

        var overlap = intersection.Width * intersection.Height;
        return overlap / ((a.Width * a.Height) + (b.Width * b.Height) - overlap);
    }
}
