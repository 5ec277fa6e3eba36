namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// A second emotion model read beside the first, on its own framing of the face; the two readings are
/// averaged with <see cref="Weight"/> on the second. Fitted on the dev photos (training/README.md, "Second opinion").
/// </summary>
public sealed record SecondOpinionOptions
{
    /// <summary>The second model under the model folder; empty turns the second opinion off.</summary>
    public string ModelFile { get; init; } = Path.Combine("emotion", "faceapi_expression.onnx");

    /// <summary>The second reading's share of the average (0: the first model alone, 1: the second alone).</summary>
    public float Weight { get; init; } = 0.2f;

    /// <summary>How the face is framed for the second model: a looser crop than FER2013's, as face-api.js reads faces.</summary>
    public FaceCropOptions Crop { get; init; } = new() { Scale = 1.2f, ShiftDown = -0.05f };
}
