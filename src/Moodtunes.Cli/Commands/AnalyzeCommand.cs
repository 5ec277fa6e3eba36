using System.Text.Json;
using Moodtunes.Core;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Cli.Commands;

/// <summary><c>analyze &lt;photo&gt;</c>: prints faces, boxes, emotions and timings as JSON.</summary>
internal static class AnalyzeCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Run(VisionPipeline pipeline, string photoPath, TextWriter output, TextWriter error)
    {
        VisionResult result;
        try
        {
            result = pipeline.Analyze(File.ReadAllBytes(photoPath));
        }
        catch (ImageRejectedException rejected)
        {
            error.WriteLine($"{photoPath}: {rejected.Reason}: {rejected.Message}");
            return 2;
        }

        output.WriteLine(JsonSerializer.Serialize(
            new
            {
                photo = Path.GetFileName(photoPath),
                width = result.ImageWidth,
                height = result.ImageHeight,
                faces = result.Faces.Select(f => new
                {
                    box = new { x = f.Box.Left, y = f.Box.Top, width = f.Box.Width, height = f.Box.Height },
                    score = f.DetectionScore,
                    keypoints = f.Keypoints.Select(p => new[] { p.X, p.Y }),
                    emotion = f.Emotions.Top.ToWire(),
                    confidence = f.Emotions.TopConfidence,
                    emotions = f.Emotions.ToDictionary().ToDictionary(e => e.Key.ToWire(), e => e.Value),
                    fourClass = f.Emotions.FourClassProbabilities.ToDictionary(e => e.Key.ToWire(), e => e.Value),
                }),
                timingsMs = new
                {
                    decode = result.Timings.DecodeMilliseconds,
                    detect = result.Timings.DetectMilliseconds,
                    classify = result.Timings.ClassifyMilliseconds,
                    total = result.Timings.TotalMilliseconds,
                },
            },
            Json));
        return result.Faces.Count > 0 ? 0 : 3;
    }
}
