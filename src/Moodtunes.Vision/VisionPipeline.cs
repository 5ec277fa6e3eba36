using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Moodtunes.Core.Emotions;
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
    private readonly long _maxDecodedPixels;

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
        _maxDecodedPixels = options.Loading.MaxDecodedPixels;
        Detector = new BlazeFaceDetector(ModelPath(options, options.DetectorModelFile), sessionOptions, options.Detection);
        var second = options.SecondOpinion;
        Classifier = new EmotionReader(
            new EmotionClassifier(ModelPath(options, options.EmotionModelFile), sessionOptions, options.Crop),
            second.ModelFile.Length == 0 ? null : new EmotionClassifier(ModelPath(options, second.ModelFile), sessionOptions, second.Crop),
            second.Weight);
    }

    internal BlazeFaceDetector Detector { get; }

    internal EmotionReader Classifier { get; }

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
            ToFractions(face.Box, w, h),
            face.Score,
            [.. face.Keypoints.Select(p => new FacePoint(p.X / w, p.Y / h))],
            emotions[i]));
        return new VisionResult(
            image.SourceWidth,
            image.SourceHeight,
            [.. analyses],
            new VisionTimings(decoded, detected - decoded, classified - detected));
    }

    /// <summary>
    /// Classifies images that are already face crops (FER2013 style), each as a whole and without the
    /// detector, all in one batch, in the same order. An entry is null where the bytes are not an image
    /// Skia can decode or hold more pixels than <see cref="ImageLoadOptions.MaxDecodedPixels"/>.
    /// </summary>
    public IReadOnlyList<EmotionDistribution?> ClassifyFaceCrops(IReadOnlyList<byte[]> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        var bitmaps = crops.Select(DecodeCrop).ToList();
        try
        {
            var emotions = Classifier.ClassifyCrops([.. bitmaps.OfType<SKBitmap>()]);
            var next = 0;
            return [.. bitmaps.Select(b => b is null ? null : emotions[next++])];
        }
        finally
        {
            bitmaps.ForEach(b => b?.Dispose());
        }
    }

    public void Dispose()
    {
        Detector.Dispose();
        Classifier.Dispose();
    }

    /// <summary>A box in the working image's pixels as fractions of that image, clamped to its edges.</summary>
    private static FaceBox ToFractions(SKRect box, float width, float height)
    {
        // Width and height as differences of the scaled edges, so Left + Width is the scaled right edge.
        var (left, top) = (Math.Clamp(box.Left / width, 0, 1), Math.Clamp(box.Top / height, 0, 1));
        return new FaceBox(left, top, Math.Clamp(box.Right / width, 0, 1) - left, Math.Clamp(box.Bottom / height, 0, 1) - top);
    }

    /// <summary>Crops decode as they are stored (no EXIF turn, no working-size shrink), as FER2013 crops were scored.</summary>
    private SKBitmap? DecodeCrop(byte[] crop)
    {
        using var data = SKData.CreateCopy(crop);
        using var codec = SKCodec.Create(data);
        return codec is null || (long)codec.Info.Width * codec.Info.Height > _maxDecodedPixels ? null : SKBitmap.Decode(codec);
    }

    private static string ModelPath(VisionOptions options, string file)
    {
        var path = Path.Combine(options.ModelDirectory, file);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Vision model not found at {path}; see models/README.md to rebuild it.", path);
    }
}
