using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Moodtunes.Vision.EmotionRecognition;
using Moodtunes.Vision.FaceDetection;
using Moodtunes.Vision.Imaging;
using SkiaSharp;

namespace Moodtunes.Vision;

/// <summary>
/// Photo bytes in, faces and emotions out. Create one per process and share it: the models are
/// loaded once and every method is safe to call from many threads at once.
/// </summary>
public sealed class VisionPipeline : IDisposable
{
    private readonly ImageLoader _loader;

    public VisionPipeline(VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _loader = new ImageLoader(options.Loading);
        Detector = new BlazeFaceDetector(ModelPath(options, options.DetectorModelFile), sessionOptions, options.Detection);
        Classifier = new EmotionClassifier(ModelPath(options, options.EmotionModelFile), sessionOptions);
    }

    public BlazeFaceDetector Detector { get; }

    public EmotionClassifier Classifier { get; }

    /// <exception cref="ImageRejectedException">The bytes are not a photo we can analyse.</exception>
    public VisionResult Analyze(byte[] photo)
    {
        var clock = Stopwatch.StartNew();
        using var image = _loader.Load(photo);
        var decoded = clock.Elapsed.TotalMilliseconds;

        var faces = Detector.Detect(image.Bitmap);
        var detected = clock.Elapsed.TotalMilliseconds;

        var emotions = Classifier.ClassifyFaces(image.Bitmap, faces);
        var classified = clock.Elapsed.TotalMilliseconds;

        float w = image.Width, h = image.Height;
        var analyses = faces.Select((face, i) => new FaceAnalysis(
            new SKRect(face.Box.Left / w, face.Box.Top / h, face.Box.Right / w, face.Box.Bottom / h),
            face.Score,
            [.. face.Keypoints.Select(p => new SKPoint(p.X / w, p.Y / h))],
            emotions[i]));
        return new VisionResult(
            image.SourceWidth,
            image.SourceHeight,
            [.. analyses],
            new VisionTimings(decoded, detected - decoded, classified - detected));
    }

    public void Dispose()
    {
        Detector.Dispose();
        Classifier.Dispose();
    }

    private static string ModelPath(VisionOptions options, string file)
    {
        var path = Path.Combine(options.ModelDirectory, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Vision model not found at {path}; see models/README.md to rebuild it.", path);
    }
}
