using Moodtunes.Core.Emotions;

namespace Moodtunes.Vision;

/// <summary>What one photo holds: every face, largest (primary) first, each with its emotions.</summary>
public sealed record VisionResult(int ImageWidth, int ImageHeight, IReadOnlyList<FaceAnalysis> Faces, VisionTimings Timings)
{
    public FaceAnalysis? PrimaryFace => Faces.Count > 0 ? Faces[0] : null;
}

/// <summary>
/// A face with its box and keypoints as fractions (0..1) of the upright photo. The six keypoints are, in
/// order: the person's right eye, left eye, nose tip, mouth, right ear and left ear (the right eye appears
/// on the image's left).
/// </summary>
public sealed record FaceAnalysis(FaceBox Box, float DetectionScore, IReadOnlyList<FacePoint> Keypoints, EmotionDistribution Emotions);

/// <summary>A face's box as fractions (0..1) of the upright photo's width and height.</summary>
public readonly record struct FaceBox(float Left, float Top, float Width, float Height)
{
    public float Right => Left + Width;

    public float Bottom => Top + Height;
}

/// <summary>A point as fractions (0..1) of the upright photo's width and height.</summary>
public readonly record struct FacePoint(float X, float Y);

public sealed record VisionTimings(double DecodeMilliseconds, double DetectMilliseconds, double ClassifyMilliseconds)
{
    public double TotalMilliseconds => DecodeMilliseconds + DetectMilliseconds + ClassifyMilliseconds;
}
