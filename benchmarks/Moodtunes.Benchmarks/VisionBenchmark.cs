using System.Diagnostics;
using System.Globalization;
using System.Text;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Benchmarks;

/// <summary>
/// Issue 2's targets, measured in one run: warm analysis per photo size (and its stages), model
/// loading, throughput on one and two threads, and peak memory of a fresh process.
/// </summary>
internal static class VisionBenchmark
{
    private const int Runs = 40;

    public static string Run(string selfPath)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| measurement | median | p95 |");
        table.AppendLine("|---|---:|---:|");
        void Row(string name, (double Median, double P95) ms) =>
            table.AppendLine(culture, $"| {name} | {ms.Median:F1} ms | {ms.P95:F1} ms |");

        Row("load the models (new pipeline: detector, emotion model, second opinion)", Measure.Milliseconds(() => new VisionPipeline(new VisionOptions()).Dispose(), 1, 7));

        using var pipeline = new VisionPipeline(new VisionOptions());
        var loader = new ImageLoader();
        var photos = BenchmarkPhotos.Create();
        var selfie1280 = 0.0;
        foreach (var (name, bytes) in photos)
        {
            var analysis = Measure.Milliseconds(() => pipeline.Analyze(bytes), 5, Runs);
            selfie1280 = name.StartsWith("1280 px JPEG, selfie", StringComparison.Ordinal) ? analysis.Median : selfie1280;
            Row($"warm analysis, {name}", analysis);
            Row($"&nbsp;&nbsp;decode only, {name}", Measure.Milliseconds(() => loader.Load(bytes).Dispose(), 5, Runs));
        }

        using var selfie = loader.Load(photos[1].Bytes);
        Row("&nbsp;&nbsp;detect only, 1280 px selfie (whole photo)", Measure.Milliseconds(() => pipeline.Detector.Detect(selfie.Bitmap), 5, Runs));
        var selfieFaces = pipeline.Detector.Detect(selfie.Bitmap);
        Row("&nbsp;&nbsp;crop + classify, 1280 px selfie", Measure.Milliseconds(() => pipeline.Classifier.ClassifyFaces(selfie.Bitmap, selfieFaces), 5, Runs));
        using var working = loader.Load(photos[3].Bytes);
        Row("&nbsp;&nbsp;detect only, portrait (whole photo + 4 quarters)", Measure.Milliseconds(() => pipeline.Detector.Detect(working.Bitmap), 5, Runs));
        using var crop = BenchmarkPhotos.FaceCrop();
        Row("&nbsp;&nbsp;classify one face crop", Measure.Milliseconds(() => pipeline.Classifier.ClassifyCrops([crop]), 5, Runs));

        table.AppendLine();
        table.Append(PhotoPathCost(photos));

        table.AppendLine();
        table.AppendLine("| throughput, 12 MP JPEG selfie | photos/s |");
        table.AppendLine("|---|---:|");
        var oneThread = Throughput(pipeline, photos[0].Bytes, threads: 1);
        var twoThreads = Throughput(pipeline, photos[0].Bytes, threads: 2);
        table.AppendLine(culture, $"| 1 thread | {oneThread:F1} |");
        table.AppendLine(culture, $"| 2 threads | {twoThreads:F1} (×{twoThreads / oneThread:F2}) |");

        table.AppendLine();
        var peak = PeakMemoryOfFreshProcess(selfPath, photos[0].Bytes);
        table.AppendLine(culture, $"Peak working set of a fresh process that loads the models and analyses the 12 MP selfie JPEG 20 times: **{peak / 1024.0 / 1024.0:F0} MB**.");
        table.AppendLine();
        table.AppendLine("Estimated AWS cost, from the 1280 px selfie's warm analysis time above:");
        table.AppendLine();
        table.Append(CostEstimate.Render(selfie1280));
        return table.ToString();
    }

    /// <summary>
    /// What the second opinion costs (issue 22): the shipped photo path against the same path with the emotion
    /// model alone (mirror averaged, as issue 14 shipped it), in turns in the same run.
    /// </summary>
    private static string PhotoPathCost(IReadOnlyList<(string Name, byte[] Bytes)> photos)
    {
        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| warm analysis, median of runs in turns | emotion model alone | shipped (with the second opinion) | shipped / alone |");
        table.AppendLine("|---|---:|---:|---:|");
        var shippedOptions = new VisionOptions();
        using var alone = new VisionPipeline(shippedOptions with { SecondOpinion = shippedOptions.SecondOpinion with { ModelFile = string.Empty } });
        using var shipped = new VisionPipeline(shippedOptions);
        foreach (var (name, bytes) in photos)
        {
            var (old, now) = Measure.PairedMedians(() => alone.Analyze(bytes), () => shipped.Analyze(bytes), 5, Runs);
            table.AppendLine(culture, $"| {name} | {old:F1} ms | {now:F1} ms | ×{now / old:F2} |");
        }

        return table.ToString();
    }

    /// <summary>Child-process mode: load, analyse, print the peak working set in bytes.</summary>
    public static long AnalyseAndReportPeak(string photoPath)
    {
        var bytes = File.ReadAllBytes(photoPath);
        using var pipeline = new VisionPipeline(new VisionOptions());
        for (var i = 0; i < 20; i++)
        {
            pipeline.Analyze(bytes);
        }

        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return self.PeakWorkingSet64;
    }

    private static double Throughput(VisionPipeline pipeline, byte[] photo, int threads)
    {
        const int photosPerThread = 30;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            for (var i = 0; i < photosPerThread; i++)
            {
                pipeline.Analyze(photo);
            }
        });
        return threads * photosPerThread / clock.Elapsed.TotalSeconds;
    }

    private static long PeakMemoryOfFreshProcess(string selfPath, byte[] photo)
    {
        var photoPath = Path.Combine(Path.GetTempPath(), $"moodtunes-bench-{Environment.ProcessId}.jpg");
        File.WriteAllBytes(photoPath, photo);
        try
        {
            var start = new ProcessStartInfo("dotnet", [selfPath, "peak-memory", photoPath]) { RedirectStandardOutput = true };
            using var child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child process.");
            var output = child.StandardOutput.ReadToEnd();
            child.WaitForExit();
            return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(photoPath);
        }
    }
}
