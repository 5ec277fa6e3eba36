using Moodtunes.Core;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision.EmotionRecognition;
using SkiaSharp;

namespace Moodtunes.Vision.Evaluation;

/// <summary>
/// The two views reported for a labelled set (all seven emotions, and the original team's four), and how
/// the seven-class readings split at <see cref="EmotionDistribution.UnsureBelow"/>.
/// </summary>
public sealed record EvaluationReport(ConfusionMatrix SevenClass, ConfusionMatrix FourClass, ConfidenceSplit Confidence, int Skipped);

/// <summary>Readings at or above the unsure threshold and below it, with how many of each were right.</summary>
public sealed record ConfidenceSplit(int Sure, int SureCorrect, int Unsure, int UnsureCorrect);

/// <summary>
/// Scores the classifier on a folder of class-named subfolders (angry/, happy/, ...) of face crops,
/// each image classified as a whole (FER2013 images are already aligned crops).
/// </summary>
public static class EmotionEvaluation
{
    private const int BatchSize = 64;

    public static EvaluationReport Evaluate(EmotionClassifier classifier, string folder)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        var samples = Directory.EnumerateDirectories(folder)
            .Select(dir => (Dir: dir, Known: WireNames.TryParse<Emotion>(Path.GetFileName(dir), out var e), Emotion: e))
            .Where(d => d.Known)
            .SelectMany(d => Directory.EnumerateFiles(d.Dir).Order(StringComparer.Ordinal).Select(f => (File: f, d.Emotion)))
            .ToList();

        var seven = new ConfusionMatrix(Enum.GetValues<Emotion>());
        var four = new ConfusionMatrix(EmotionDistribution.FourClassView);
        var skipped = 0;
        int sure = 0, sureCorrect = 0, unsure = 0, unsureCorrect = 0;
        foreach (var batch in samples.Chunk(BatchSize))
        {
            var decoded = batch.Select(s => (s.Emotion, Bitmap: SKBitmap.Decode(s.File))).ToList();
            skipped += decoded.Count(d => d.Bitmap is null);
            var usable = decoded.Where(d => d.Bitmap is not null).ToList();
            var predictions = classifier.ClassifyCrops([.. usable.Select(d => d.Bitmap!)]);
            for (var i = 0; i < usable.Count; i++)
            {
                seven.Add(usable[i].Emotion, predictions[i].Top);
                var correct = predictions[i].Top == usable[i].Emotion ? 1 : 0;
                if (predictions[i].TopConfidence < EmotionDistribution.UnsureBelow)
                {
                    (unsure, unsureCorrect) = (unsure + 1, unsureCorrect + correct);
                }
                else
                {
                    (sure, sureCorrect) = (sure + 1, sureCorrect + correct);
                }

                if (EmotionDistribution.FourClassView.Contains(usable[i].Emotion))
                {
                    four.Add(usable[i].Emotion, predictions[i].TopOfFour);
                }

                usable[i].Bitmap!.Dispose();
            }
        }

        return new EvaluationReport(seven, four, new ConfidenceSplit(sure, sureCorrect, unsure, unsureCorrect), skipped);
    }
}
