using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Analyses;

/// <summary>What the vision pipeline found on a photo.</summary>
public sealed record AnalysisResult
{
    public required int ImageWidth { get; init; }

    public required int ImageHeight { get; init; }

    /// <summary>Every face found, largest first; the first is the primary face.</summary>
    public required IReadOnlyList<FaceResult> Faces { get; init; }

    /// <summary>The primary face's most likely emotion.</summary>
    public required Emotion Emotion { get; init; }

    public required float Confidence { get; init; }

    /// <summary>True when the face reads neutral or the model is unsure: the user picks moods.</summary>
    public required bool AsksForMoods { get; init; }

    /// <summary>
    /// The model was not sure (<see cref="EmotionDistribution.IsUnsure"/>): <see cref="Emotion"/> is only its best guess,
    /// so the page asks the person how they feel and the timeline records their answer, never the guess.
    /// </summary>
    public bool Unsure { get; init; }

    public required double ElapsedMilliseconds { get; init; }
}

/// <summary>A face box in photo coordinates normalised to 0..1, with its emotion scores.</summary>
public sealed record FaceResult
{
    public required float X { get; init; }

    public required float Y { get; init; }

    public required float Width { get; init; }

    public required float Height { get; init; }

    public required float DetectionScore { get; init; }

    public required EmotionDistribution Emotions { get; init; }
}

public enum FailureCode
{
    /// <summary>The bytes are not an image we can read (PDF, SVG, random bytes, empty file).</summary>
    NotAnImage,

    /// <summary>The image is an unsupported kind (animated GIF, for example).</summary>
    UnsupportedImage,

    /// <summary>The image claims more pixels than we are willing to decode.</summary>
    ImageTooLarge,

    /// <summary>Decoding the image would cost more work than one photo may (a progressive JPEG scan bomb, for example).</summary>
    ImageTooComplex,

    /// <summary>The file is larger than the upload limit.</summary>
    FileTooLarge,

    /// <summary>The image header is fine but the pixel data is damaged or truncated.</summary>
    CorruptImage,

    /// <summary>No face was found.</summary>
    NoFace,

    /// <summary>The uploaded photo could not be found.</summary>
    PhotoMissing,

    /// <summary>Something on our side failed on this photo; another photo may work.</summary>
    InternalError,
}

public sealed record AnalysisFailure(FailureCode Code, string Message);
