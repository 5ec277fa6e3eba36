namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// How a detected face is framed for the emotion model, and whether its mirror image is read too. The
/// defaults were chosen on the dev photos (photos-dev/tcce and wild, training/README.md "The photo path"),
/// next to how FER2013 faces are framed (<c>moodtunes framing</c>): FER2013's eyes sit 37 % of the image
/// apart and 39 % down; the detector's box is 2.3 interocular distances wide with the eyes 0.22 of it above
/// its centre, so the FER framing is a crop of about 1.17 boxes, centred 0.08 of it higher.
/// </summary>
public sealed record FaceCropOptions
{
    /// <summary>The crop's side as a multiple of the detector box's longer side.</summary>
    public float Scale { get; init; } = 1.1f;

    /// <summary>How far below the box's centre the crop is centred, as a share of the crop's side (negative: above).</summary>
    public float ShiftDown { get; init; } = -0.1f;

    /// <summary>Averages the reading of each face with that of its mirror image (one batch of two).</summary>
    public bool AverageMirrored { get; init; } = true;
}
