namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>How a detected face is framed for the emotion model, and whether its mirror image is read too.</summary>
public sealed record FaceCropOptions
{
    /// <summary>The crop's side as a multiple of the detector box's longer side.</summary>
    public float Scale { get; init; } = 1.25f;

    /// <summary>How far below the box's centre the crop is centred, as a share of the crop's side.</summary>
    public float ShiftDown { get; init; }

    /// <summary>Averages the reading of each face with that of its mirror image (one batch of two).</summary>
    public bool AverageMirrored { get; init; }
}
