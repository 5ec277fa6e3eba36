using Moodtunes.Core;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// The two views reported for a labelled set (all seven emotions, and the original team's four), and how
/// the seven-class readings split at <see cref="EmotionDistribution.UnsureBelow"/>.
/// </summary>
internal sealed record EvaluationReport(ConfusionMatrix SevenClass, ConfusionMatrix FourClass, ConfidenceSplit Confidence, int Skipped);

/// <summary>Readings at or above the unsure threshold and below it, with how many of each were right.</summary>
internal sealed record ConfidenceSplit(int Sure, int SureCorrect, int Unsure, int UnsureCorrect);

/// <summary>
/// Scores the classifier on a folder of class-named subfolders (angry/, happy/, ...) of face crops,
/// each image classified as a whole (FER2013 images are already aligned crops).
/// </summary>
internal static class EmotionEvaluation
{
    private const int BatchSize = 64;

    public static EvaluationReport Evaluate(VisionPipeline pipeline, string folder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
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
            var predictions = pipeline.ClassifyFaceCrops([.. batch.Select(s => File.ReadAllBytes(s.File))]);
            for (var i = 0; i < batch.Length; i++)
            {
                if (predictions[i] is not { } prediction)
                {
                    skipped++;
                    continue;
                }

                var truth = batch[i].Emotion;
                seven.Add(truth, prediction.Top);
                var correct = prediction.Top == truth ? 1 : 0;
                if (prediction.TopConfidence < EmotionDistribution.UnsureBelow)
                {
                    (unsure, unsureCorrect) = (unsure + 1, unsureCorrect + correct);
                }
                else
                {
                    (sure, sureCorrect) = (sure + 1, sureCorrect + correct);
                }

                if (EmotionDistribution.FourClassView.Contains(truth))
                {
                    four.Add(truth, prediction.TopOfFour);
                }
            }
        }

        return new EvaluationReport(seven, four, new ConfidenceSplit(sure, sureCorrect, unsure, unsureCorrect), skipped);
    }
}
