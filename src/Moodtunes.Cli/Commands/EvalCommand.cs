using System.Diagnostics;
using System.Globalization;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;
using Moodtunes.Cli.Evaluation;

namespace Moodtunes.Cli.Commands;

/// <summary><c>eval &lt;folder&gt;</c>: accuracy, per-class recall and confusion, for 7 classes and the 4-class view.</summary>
internal static class EvalCommand
{
    public static int Run(VisionPipeline pipeline, string folder, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var report = EmotionEvaluation.Evaluate(pipeline, folder);
        output.WriteLine(report.SevenClass.ToReport("7 classes"));
        output.WriteLine(report.FourClass.ToReport("4-class view (happy, sad, surprise, neutral)"));
        output.WriteLine(ConfidenceLine(report.Confidence));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{report.SevenClass.Total} images ({report.Skipped} unreadable skipped) in {clock.Elapsed.TotalSeconds:F1} s"));
        return report.SevenClass.Total > 0 ? 0 : 1;
    }

    private static string ConfidenceLine(ConfidenceSplit split)
    {
        var total = Math.Max(1, split.Sure + split.Unsure);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"top confidence >= {EmotionDistribution.UnsureBelow:F2}: {100.0 * split.Sure / total:F1} % of images, accuracy {Percent(split.SureCorrect, split.Sure)}; "
            + $"below (the page asks for moods): {100.0 * split.Unsure / total:F1} %, accuracy {Percent(split.UnsureCorrect, split.Unsure)}");
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "n/a" : string.Create(CultureInfo.InvariantCulture, $"{100.0 * part / whole:F1} %");
}
