using System.Diagnostics;
using Moodtunes.Core;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// Reads every image of a folder of class-named subfolders (angry/, happy/, ...): either each image
/// classified whole as a face crop (FER2013 images are already aligned crops), or each image through the
/// whole photo path (detector → crop → classifier, the primary face) as the product reads it.
/// </summary>
internal static class EmotionEvaluation
{
    private const int BatchSize = 64;

    public static IReadOnlyList<ImageReading> ReadCrops(VisionPipeline pipeline, string folder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var readings = new List<ImageReading>();
        foreach (var batch in Samples(folder).Chunk(BatchSize))
        {
            var predictions = pipeline.ClassifyFaceCrops([.. batch.Select(s => File.ReadAllBytes(s.File))]);
            readings.AddRange(batch.Select((s, i) => new ImageReading(s.File, s.Emotion, predictions[i], Unreadable: predictions[i] is null, Milliseconds: null)));
        }

        return readings;
    }

    public static IReadOnlyList<ImageReading> ReadPhotos(VisionPipeline pipeline, string folder)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var readings = new List<ImageReading>();
        foreach (var (file, emotion) in Samples(folder))
        {
            var photo = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                var face = pipeline.Analyze(photo).PrimaryFace;
                readings.Add(new ImageReading(file, emotion, face?.Emotions, Unreadable: false, clock.Elapsed.TotalMilliseconds));
            }
            catch (ImageRejectedException)
            {
                readings.Add(new ImageReading(file, emotion, Emotions: null, Unreadable: true, Milliseconds: null));
            }
        }

        return readings;
    }

    /// <summary>The report of <paramref name="readings"/> against the labels <paramref name="labelOf"/> gives (null: left out).</summary>
    public static EvaluationReport Score(IEnumerable<ImageReading> readings, Func<ImageReading, Emotion?> labelOf)
    {
        var tally = new EvaluationTally();
        var milliseconds = new List<double>();
        foreach (var reading in readings)
        {
            if (labelOf(reading) is not { } truth)
            {
                continue;
            }

            if (reading.Milliseconds is { } ms)
            {
                milliseconds.Add(ms);
            }

            if (reading.Unreadable)
            {
                tally.AddUnreadable();
            }
            else if (reading.Emotions is null)
            {
                tally.AddNoFace(truth);
            }
            else
            {
                tally.Add(truth, reading.Emotions);
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

/// <summary>
/// What the pipeline read from one labelled image: the emotions of its (primary) face, none when no face was
/// found or the image could not be read, and the time the photo path took.
/// </summary>
internal sealed record ImageReading(string File, Emotion Label, EmotionDistribution? Emotions, bool Unreadable, double? Milliseconds);
