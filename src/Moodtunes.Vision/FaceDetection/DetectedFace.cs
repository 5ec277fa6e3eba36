using SkiaSharp;

namespace Moodtunes.Vision.FaceDetection;

/// <summary>Which BlazeFace keypoint is which (the person's right eye appears on the image's left).</summary>
internal enum FaceKeypoint
{
    RightEye,
    LeftEye,
    Nose,
    Mouth,
    RightEar,
    LeftEar,
}

/// <summary>A face in the coordinates of the image it was found in.</summary>
internal sealed record DetectedFace(SKRect Box, float Score, IReadOnlyList<SKPoint> Keypoints)
{
    public SKPoint this[FaceKeypoint keypoint] => Keypoints[(int)keypoint];

    public float Area => Box.Width * Box.Height;

    public DetectedFace Offset(float dx, float dy)
    {
        var box = Box;
        box.Offset(dx, dy);
        return this with { Box = box, Keypoints = [.. Keypoints.Select(p => new SKPoint(p.X + dx, p.Y + dy))] };
    }
}
