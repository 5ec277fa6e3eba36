using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Moodtunes.Testing;
using Moodtunes.Vision;
using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Benchmarks;

/// <summary>
/// Issue 7: our pipeline against the original team's stack rebuilt from Debian packages (Python, OpenCV
/// Haar cascade, the same emotion model in OpenCV DNN; benchmarks/baseline/original_stack.py), on the same
/// photos in the same run: warm medians and ratios, cold start, and whether both find the same face.
/// </summary>
internal static class BaselineComparison
{
    private const int Runs = 20;
    private const string Python = "/usr/bin/python3";

    public static string Run(VisionPipeline pipeline)
    {
        var culture = CultureInfo.InvariantCulture;
        var script = Path.Combine(RepositoryPaths.Root, "benchmarks", "baseline", "original_stack.py");
        if (!CanRunBaseline())
        {
            return "Baseline not measured: it needs Debian's python3-opencv and opencv-data (benchmarks/run.sh installs them).\n";
        }

        var folder = Directory.CreateTempSubdirectory("moodtunes-baseline-").FullName;
        try
        {
            var timed = BenchmarkPhotos.Create().Select(p => (p.Name, Path: Save(folder, p.Name, p.Bytes))).ToList();
            var theirs = RunBaseline(script, Runs, timed.Select(p => p.Path));

            var table = new StringBuilder();
            table.AppendLine("| warm analysis, median (p95) | Moodtunes (.NET, BlazeFace) | original stack (Python, Haar) | ours / theirs |");
            table.AppendLine("|---|---:|---:|---:|");
            foreach (var (name, path) in timed)
            {
                var bytes = File.ReadAllBytes(path);
                var ours = Measure.Milliseconds(() => pipeline.Analyze(bytes), 3, Runs);
                var baseline = theirs.GetProperty(path);
                var (median, p95) = (baseline.GetProperty("median").GetDouble(), baseline.GetProperty("p95").GetDouble());
                table.AppendLine(culture, $"| {name} | {ours.Median:F1} ms ({ours.P95:F1}) | {median:F1} ms ({p95:F1}) | {ours.Median / median:F3} (×{median / ours.Median:F1} faster) |");
            }

            table.AppendLine();
            var cli = Path.Combine(RepositoryPaths.Root, "src", "Moodtunes.Cli", "bin", "Release", "net10.0", "moodtunes.dll");
            var photo = timed[1].Path;
            var ourCold = ColdStart("dotnet", [cli, "analyze", photo]);
            var theirCold = ColdStart(Python, [script, "once", photo]);
            table.AppendLine(culture, $"Cold start (process start to first result printed, 1280 px selfie, median of 5): Moodtunes CLI **{ourCold:F0} ms**, original stack **{theirCold:F0} ms** (ours / theirs {ourCold / theirCold:F2}).");
            table.AppendLine();
            table.Append(DetectionAgreement(pipeline, folder, script));
            return table.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string DetectionAgreement(VisionPipeline pipeline, string folder, string script)
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var grace = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.GraceHopper));
        using var group = PhotoBuilder.Group(grace, count: 5, columns: 3, tileSize: 500);
        var photos = new (string Name, byte[] Bytes)[]
        {
            ("astronaut", TestPhotos.Read(TestPhotos.Astronaut)),
            ("grace hopper", TestPhotos.Read(TestPhotos.GraceHopper)),
            ("cat (no face)", TestPhotos.Read(TestPhotos.Cat)),
            ("coffee (no face)", TestPhotos.Read(TestPhotos.Coffee)),
            ("astronaut, EXIF 6 (sideways)", PhotoBuilder.SidewaysJpeg(astronaut, 6)),
            ("astronaut, EXIF 8 (sideways)", PhotoBuilder.SidewaysJpeg(astronaut, 8)),
            ("grace hopper, EXIF 3 (upside down)", PhotoBuilder.SidewaysJpeg(grace, 3)),
            ("group of five", PhotoBuilder.Jpeg(group)),
        };
        var paths = photos.Select(p => Save(folder, p.Name, p.Bytes)).ToList();
        var theirs = RunBaseline(script, 1, paths);

        var culture = CultureInfo.InvariantCulture;
        var table = new StringBuilder();
        table.AppendLine("| photo | faces (ours / theirs) | same faces (each matched at IoU ≥ 0.5) |");
        table.AppendLine("|---|---:|---|");
        var agreeing = 0;
        for (var i = 0; i < photos.Length; i++)
        {
            var ours = pipeline.Analyze(photos[i].Bytes).Faces;
            var baseline = theirs.GetProperty(paths[i]).GetProperty("faces");
            var theirBoxes = baseline.EnumerateArray()
                .Select(f => f.GetProperty("box").EnumerateArray().Select(v => (float)v.GetDouble()).ToArray())
                .Select(b => SKRect.Create(b[0], b[1], b[2], b[3]))
                .ToList();
            var theirFaces = theirBoxes.Count;
            var agrees = ours.Count == theirFaces && ours.All(face => theirBoxes.Any(box => BoxGeometry.IoU(SKRect.Create(face.Box.Left, face.Box.Top, face.Box.Width, face.Box.Height), box) >= 0.5f));
            agreeing += agrees ? 1 : 0;
            table.AppendLine(culture, $"| {photos[i].Name} | {ours.Count} / {theirFaces} | {(agrees ? "yes" : "no")} |");
        }

        table.AppendLine(culture, $"\nDetection agreement: {agreeing} of {photos.Length} photos.");
        return table.ToString();
    }

    private static bool CanRunBaseline()
    {
        if (!File.Exists(Python))
        {
            return false;
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import cv2"]) { RedirectStandardError = true });
        probe!.WaitForExit();
        return probe.ExitCode == 0 && File.Exists("/usr/share/opencv4/haarcascades/haarcascade_frontalface_default.xml");
    }

    private static JsonElement RunBaseline(string script, int runs, IEnumerable<string> photos)
    {
        var start = new ProcessStartInfo(Python, [script, "time", runs.ToString(CultureInfo.InvariantCulture), .. photos])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static double ColdStart(string program, IReadOnlyList<string> arguments)
    {
        var samples = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            samples.Add(clock.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return samples[2];
    }

    private static string Save(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, string.Concat(name.Where(char.IsAsciiLetterOrDigit)) + ".img");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
