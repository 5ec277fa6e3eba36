namespace Moodtunes.Vision.FaceDetection;

public sealed record FaceDetectorOptions
{
    /// <summary>Sigmoid score a candidate needs (MediaPipe uses 0.75 for this model).</summary>
    public float ScoreThreshold { get; init; } = 0.7f;

    /// <summary>Candidates overlapping more than this are the same face and are blended.</summary>
    public float MergeIoU { get; init; } = 0.3f;

    /// <summary>Faces whose box is narrower than this share of the image's longer side are ignored.</summary>
    public float MinFaceFraction { get; init; } = 0.02f;

    /// <summary>
    /// The detector looks at a copy of the photo this big (longer side): enough for a quarter of it
    /// (60 % of each side) to still fill the model's 128-pixel input.
    /// </summary>
    public int DetectionViewSide { get; init; } = 384;

    /// <summary>
    /// When no face wider than this share of the photo's longer side is found, quarters are searched
    /// too; a quarter contributes only faces narrower than this.
    /// </summary>
    public float QuarterSearchBelowFraction { get; init; } = 0.2f;

    /// <summary>
    /// When the whole-photo pass finds no face, or only faces touching the edges, the photo is searched
    /// again inside a neutral border this wide on each side (a share of its longer side).
    /// </summary>
    public float PaddedRetryBorder { get; init; } = 0.25f;
}
