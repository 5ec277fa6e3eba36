using Moodtunes.Core.Emotions;
using SkiaSharp;

namespace Moodtunes.Vision;

/// <summary>What one photo holds: every face, largest (primary) first, each with its emotions.</summary>
public sealed record VisionResult(int ImageWidth, int ImageHeight, IReadOnlyList<FaceAnalysis> Faces, VisionTimings Timings)
{
    public FaceAnalysis? PrimaryFace => Faces.Count > 0 ? Faces[0] : null;
}

/// <summary>A face with its box and keypoints as fractions (0..1) of the upright photo.</summary>
public sealed record FaceAnalysis(SKRect Box, float DetectionScore, IReadOnlyList<SKPoint> Keypoints, EmotionDistribution Emotions);

public sealed record VisionTimings(double DecodeMilliseconds, double DetectMilliseconds, double ClassifyMilliseconds)
{
    public double TotalMilliseconds => DecodeMilliseconds + DetectMilliseconds + ClassifyMilliseconds;
}
