using Moodtunes.Vision.EmotionRecognition;
using Moodtunes.Vision.FaceDetection;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Vision;

public sealed record VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>Folder holding blazeface/ and emotion/ (copied next to every app that uses this library).</summary>
    public string ModelDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "models");

    public string DetectorModelFile { get; init; } = Path.Combine("blazeface", "face_detection_front_128x128.onnx");

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
