namespace Moodtunes.Vision.FaceDetection;

public sealed record FaceDetectorOptions
{
    /// <summary>Sigmoid score a candidate needs (MediaPipe uses 0.75 for this model).</summary>
    public float ScoreThreshold { get; init; } = 0.7f;

    /// <summary>Candidates overlapping more than this are the same face and are blended.</summary>
    public float MergeIoU { get; init; } = 0.3f;

    /// <summary>Faces whose box is narrower than this share of the image's longer side are ignored.</summary>
    public float MinFaceFraction { get; init; } = 0.02f;

    /// <summary>Photos at least this big (longer side, working pixels) are also searched quarter by quarter.</summary>
    public int MinSideForQuarters { get; init; } = 320;

    /// <summary>A quarter only contributes faces narrower than this share of its longer side.</summary>
    public float MaxQuarterFaceFraction { get; init; } = 0.3f;
}
