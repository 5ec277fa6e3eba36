using System.Diagnostics;
using System.Globalization;
using Moodtunes.Cli.Evaluation;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;

namespace Moodtunes.Cli.Commands;

/// <summary>
/// <c>eval &lt;folder&gt; [--photos]</c>: accuracy, per-class recall and confusion, for 7 classes and the
/// 4-class view; with <c>--photos</c> through the whole photo path, with the photos where no face was found.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The share of readings above the unsure threshold that should be right (issue #14).</summary>
    private const double SureAccuracyTarget = 0.8;

    public static int Run(VisionPipeline pipeline, string folder, bool photos, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var report = photos ? EmotionEvaluation.EvaluatePhotos(pipeline, folder) : EmotionEvaluation.EvaluateCrops(pipeline, folder);
        var found = photos ? " among found faces" : string.Empty;
        output.WriteLine(report.SevenClass.ToReport($"7 classes{found}"));
        output.WriteLine(report.FourClass.ToReport($"4-class view (happy, sad, surprise, neutral){found}"));
        if (photos)
        {
            output.WriteLine(NoFaceLine(report));
        }

        output.WriteLine(ConfidenceLine(report.SplitAt(EmotionDistribution.UnsureBelow), EmotionDistribution.UnsureBelow));
        output.WriteLine(ThresholdLine(report));
        var median = report.MedianMilliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $", median {ms:F1} ms per photo") : string.Empty;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Images} images ({report.Skipped} unreadable skipped) in {clock.Elapsed.TotalSeconds:F1} s{median}"));
        return report.Images > 0 ? 0 : 1;
    }

    private static string NoFaceLine(EvaluationReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"no face found: {report.NoFace.All} of {report.Images} ({Percent(report.NoFace.All, report.Images)}); "
        + $"counting them wrong: 7 classes {100 * report.SevenClassCountingNoFace:F1} %, 4-class view {100 * report.FourClassCountingNoFace:F1} %");

    private static string ConfidenceLine(ConfidenceSplit split, float threshold)
    {
        var total = split.Sure + split.Unsure;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"top confidence >= {threshold:F2}: {Percent(split.Sure, total)} of readings, accuracy {Percent(split.SureCorrect, split.Sure)}; "
            + $"below (the page asks for moods): {Percent(split.Unsure, total)}, accuracy {Percent(split.UnsureCorrect, split.Unsure)}");
    }

    private static string ThresholdLine(EvaluationReport report)
    {
        if (report.ThresholdFor(SureAccuracyTarget) is not { } threshold)
        {
            return string.Create(CultureInfo.InvariantCulture, $"no threshold makes the readings above it {SureAccuracyTarget:P0} right");
        }

        var split = report.SplitAt(threshold);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"lowest threshold with readings above it {SureAccuracyTarget:P0} right: {threshold:F3} (asks for moods on {Percent(split.Unsure, split.Sure + split.Unsure)})");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1} %");
}
