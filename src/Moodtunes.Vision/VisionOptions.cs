using Microsoft.Extensions.Options;
using Moodtunes.Vision.EmotionRecognition;
using Moodtunes.Vision.FaceDetection;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Vision;

/// <summary>
/// The "Vision" configuration section, every key bound (<c>Vision:Crop:Scale</c>, <c>Vision:SecondOpinion:Weight</c>, …)
/// and validated at start (<see cref="VisionServiceCollectionExtensions.AddVision"/>); unset keys keep the measured defaults.
/// </summary>
public sealed record VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>Folder holding blazeface/ and emotion/ (copied next to every app that uses this library).</summary>
    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    public string DetectorModelFile { get; init; } = Path.Combine("blazeface", "face_detection_front_128x128.onnx");

    /// <summary>Another emotion model under models/, e.g. <c>emotion/mini_xception_emotion.onnx</c>.</summary>
    public string EmotionModelFile { get; init; } = Path.Combine("emotion", "moodtunes_emotion_v2.onnx");

    /// <summary>
    /// Threads one model call may use. One keeps a photo's latency low and lets concurrent photos
    /// use the other cores; both models are too small to gain much from splitting one call.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    public ImageLoadOptions Loading { get; init; } = new();

    public FaceDetectorOptions Detection { get; init; } = new();

    public FaceCropOptions Crop { get; init; } = new();

    public SecondOpinionOptions SecondOpinion { get; init; } = new();
}

/// <summary>Refuses values the pipeline cannot run with, naming the configuration key (the model files are checked when loaded).</summary>
internal sealed class VisionOptionsValidator : IValidateOptions<VisionOptions>
{
    public ValidateOptionsResult Validate(string? name, VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        void Require(bool valid, string key, object value, string rule)
        {
            if (!valid)
            {
                problems.Add($"{VisionOptions.SectionName}:{key} {rule} (was '{value}').");
            }
        }

        Require(!string.IsNullOrWhiteSpace(options.ModelDirectory), nameof(options.ModelDirectory), options.ModelDirectory, "names a folder");
        Require(!string.IsNullOrWhiteSpace(options.DetectorModelFile), nameof(options.DetectorModelFile), options.DetectorModelFile, "names a model file");
        Require(!string.IsNullOrWhiteSpace(options.EmotionModelFile), nameof(options.EmotionModelFile), options.EmotionModelFile, "names a model file");
        Require(options.IntraOpThreads >= 1, nameof(options.IntraOpThreads), options.IntraOpThreads, "is at least 1");

        var loading = options.Loading;
        foreach (var (key, value) in new (string, long)[]
        {
            (nameof(loading.MaxSourceSide), loading.MaxSourceSide), (nameof(loading.MaxSourcePixels), loading.MaxSourcePixels),
            (nameof(loading.MaxJpegScans), loading.MaxJpegScans), (nameof(loading.MaxJpegBlockVisits), loading.MaxJpegBlockVisits),
            (nameof(loading.MaxProgressiveJpegSamples), loading.MaxProgressiveJpegSamples),
            (nameof(loading.MaxDecodedPixels), loading.MaxDecodedPixels), (nameof(loading.MinWorkingLongSide), loading.MinWorkingLongSide),
        })
        {
            Require(value > 0, $"{nameof(options.Loading)}:{key}", value, "is positive");
        }

        Require(loading.MaxWorkingLongSide >= loading.MinWorkingLongSide, $"{nameof(options.Loading)}:{nameof(loading.MaxWorkingLongSide)}",
            loading.MaxWorkingLongSide, $"is at least {nameof(loading.MinWorkingLongSide)}");

        var detection = options.Detection;
        string Detection(string key) => $"{nameof(options.Detection)}:{key}";
        Require(detection.ScoreThreshold is > 0 and <= 1, Detection(nameof(detection.ScoreThreshold)), detection.ScoreThreshold, "is in (0, 1]");
        Require(detection.MergeIoU is > 0 and <= 1, Detection(nameof(detection.MergeIoU)), detection.MergeIoU, "is in (0, 1]");
        Require(detection.MinFaceFraction is >= 0 and < 1, Detection(nameof(detection.MinFaceFraction)), detection.MinFaceFraction, "is in [0, 1)");
        Require(detection.DetectionViewSide > 0, Detection(nameof(detection.DetectionViewSide)), detection.DetectionViewSide, "is positive");
        Require(detection.QuarterSearchBelowFraction is >= 0 and <= 1, Detection(nameof(detection.QuarterSearchBelowFraction)),
            detection.QuarterSearchBelowFraction, "is in [0, 1]");
        Require(detection.PaddedRetryBorder is >= 0 and <= 1, Detection(nameof(detection.PaddedRetryBorder)), detection.PaddedRetryBorder, "is in [0, 1]");

        var second = options.SecondOpinion;
        Require(second.Weight is >= 0 and <= 1, $"{nameof(options.SecondOpinion)}:{nameof(second.Weight)}", second.Weight, "is in [0, 1]");
        foreach (var (key, crop) in new[] { (nameof(options.Crop), options.Crop), ($"{nameof(options.SecondOpinion)}:{nameof(second.Crop)}", second.Crop) })
        {
            Require(crop.Scale > 0 && float.IsFinite(crop.Scale), $"{key}:{nameof(crop.Scale)}", crop.Scale, "is positive");
            Require(float.IsFinite(crop.ShiftDown), $"{key}:{nameof(crop.ShiftDown)}", crop.ShiftDown, "is a number");
        }

        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
