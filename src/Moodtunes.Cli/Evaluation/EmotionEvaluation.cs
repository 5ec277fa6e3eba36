using System.Diagnostics;
using Moodtunes.Core;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// Scores the vision pipeline on a folder of class-named subfolders (angry/, happy/, ...): either each
/// image classified whole as a face crop (FER2013 images are already aligned crops), or each image
/// through the whole photo path (detector → crop → classifier, the primary face) as the product reads it.
/// </summary>
internal static class EmotionEvaluation
{
    private const int BatchSize = 64;

    public static EvaluationReport EvaluateCrops(VisionPipeline pipeline, string folder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var tally = new EvaluationTally();
        foreach (var batch in Samples(folder).Chunk(BatchSize))
        {
            var predictions = pipeline.ClassifyFaceCrops([.. batch.Select(s => File.ReadAllBytes(s.File))]);
            for (var i = 0; i < batch.Length; i++)
            {
                tally.Add(batch[i].Emotion, predictions[i]);
            }
        }

        return tally.ToReport(milliseconds: []);
    }

    public static EvaluationReport EvaluatePhotos(VisionPipeline pipeline, string folder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var tally = new EvaluationTally();
        var milliseconds = new List<double>();
        foreach (var (file, emotion) in Samples(folder))
        {
            var photo = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                var face = pipeline.Analyze(photo).PrimaryFace;
                milliseconds.Add(clock.Elapsed.TotalMilliseconds);
                if (face is null)
                {
                    tally.AddNoFace(emotion);
                }
                else
                {
                    tally.Add(emotion, face.Emotions);
                }
            }
            catch (ImageRejectedException)
            {
                tally.Add(emotion, prediction: null);
            }
        }

        return tally.ToReport(milliseconds);
    }

    private static List<(string File, Emotion Emotion)> Samples(string folder) =>
        [.. Directory.EnumerateDirectories(folder)
            .Select(dir => (Dir: dir, Known: WireNames.TryParse<Emotion>(Path.GetFileName(dir), out var e), Emotion: e))
            .Where(d => d.Known)
            .SelectMany(d => Directory.EnumerateFiles(d.Dir).Order(StringComparer.Ordinal).Select(f => (File: f, d.Emotion)))];
}
