using System.Diagnostics;
using System.Globalization;
using Moodtunes.Cli.Evaluation;
using Moodtunes.Core;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;

namespace Moodtunes.Cli.Commands;

/// <summary>
/// <c>eval &lt;folder&gt; [--photos] [--votes &lt;csv&gt;] [--readings &lt;csv&gt;]</c>: accuracy, per-class recall and
/// confusion, for 7 classes and the 4-class view, against the folder names and, with <c>--votes</c>, against
/// the FER+ majority labels too; with <c>--photos</c> through the whole photo path, with the photos where no
/// face was found; for each, how often the page would ask and how often the readings it does not ask about are right.
/// </summary>
internal static class EvalCommand
{
    /// <summary>The share of readings above the unsure threshold that should be right (issue #14).</summary>
    private const double SureAccuracyTarget = 0.8;

    public static int Run(VisionPipeline pipeline, CommandLine command, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var votes = command.Votes is { } votesFile ? FerPlusVotes.Load(votesFile) : null;
        var readings = command.Photos
            ? EmotionEvaluation.ReadPhotos(pipeline, command.Target)
            : EmotionEvaluation.ReadCrops(pipeline, command.Target);
        var report = EmotionEvaluation.Score(readings, r => r.Label);
        WriteReport(report, command.Photos, "folder labels", output);
        if (votes is not null)
        {
            var plus = EmotionEvaluation.Score(readings, r => votes.MajorityOf(r.File));
            WriteReport(plus, command.Photos, "FER+ majority labels", output);
        }

        if (command.Readings is { } readingsFile)
        {
            ReadingsFile.Write(readingsFile, readings);
            output.WriteLine($"readings written to {readingsFile}");
        }

        var median = report.MedianMilliseconds is { } ms ? string.Create(CultureInfo.InvariantCulture, $", median {ms:F1} ms per photo") : string.Empty;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.Images} images ({report.Skipped} unreadable skipped) in {clock.Elapsed.TotalSeconds:F1} s{median}"));
        return report.Images > 0 ? 0 : 1;
    }

    private static void WriteReport(EvaluationReport report, bool photos, string labels, TextWriter output)
    {
        var found = photos ? " among found faces" : string.Empty;
        output.WriteLine($"== against {labels}: {report.Images} images");
        output.WriteLine(report.SevenClass.ToReport($"7 classes{found}"));
        output.WriteLine(report.FourClass.ToReport($"4-class view (happy, sad, surprise, neutral){found}"));
        if (photos)
        {
            output.WriteLine(NoFaceLine(report));
        }

        output.WriteLine(PageRuleLine(report.SplitByPageRule()));
        output.WriteLine(ThresholdLine(report));
    }

    private static string NoFaceLine(EvaluationReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"no face found: {report.NoFace.All} of {report.Images} ({Percent(report.NoFace.All, report.Images)}); "
        + $"counting them wrong: 7 classes {100 * report.SevenClassCountingNoFace:F1} %, 4-class view {100 * report.FourClassCountingNoFace:F1} %");

    private static string PageRuleLine(ConfidenceSplit split)
    {
        var total = split.Sure + split.Unsure;
        var thresholds = string.Join(", ", Enum.GetValues<Emotion>().Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.ToWire()} {EmotionDistribution.UnsureBelow(e):F2}")));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"the page asks (unsure below: {thresholds}) on {Percent(split.Unsure, total)} of readings, right {Percent(split.UnsureCorrect, split.Unsure)}; "
            + $"claims {Percent(split.Sure, total)}, right {Percent(split.SureCorrect, split.Sure)}");
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
