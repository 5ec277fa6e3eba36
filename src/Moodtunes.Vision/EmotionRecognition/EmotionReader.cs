using Moodtunes.Core.Emotions;
using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// Reads the emotions of faces with the primary model and, when configured, a second opinion: each face's
/// reading is the weighted average of the two models' probabilities.
/// </summary>
internal sealed class EmotionReader(EmotionClassifier primary, EmotionClassifier? second, float secondWeight) : IDisposable
{
    /// <summary>The primary model's ONNX file.</summary>
    public string ModelPath => primary.ModelPath;

    /// <summary>The second opinion's ONNX file, if one is read.</summary>
    public string? SecondOpinionPath => second?.ModelPath;

    public IReadOnlyList<EmotionDistribution> ClassifyFaces(SKBitmap image, IReadOnlyList<DetectedFace> faces) =>
        Combine(primary.ClassifyFaces(image, faces), second?.ClassifyFaces(image, faces));

    public IReadOnlyList<EmotionDistribution> ClassifyCrops(IReadOnlyList<SKBitmap> crops) =>
        Combine(primary.ClassifyCrops(crops), second?.ClassifyCrops(crops));

    public void Dispose()
    {
        primary.Dispose();
        second?.Dispose();
    }

    private IReadOnlyList<EmotionDistribution> Combine(IReadOnlyList<EmotionDistribution> first, IReadOnlyList<EmotionDistribution>? other)
    {
        if (other is null)
        {
            return first;
        }

        var emotions = Enum.GetValues<Emotion>();
        return [.. first.Select((reading, i) => new EmotionDistribution(
            [.. emotions.Select(e => ((1 - secondWeight) * reading[e]) + (secondWeight * other[i][e]))]))];
    }
}
