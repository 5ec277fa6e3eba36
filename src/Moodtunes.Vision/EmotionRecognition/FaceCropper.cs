using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// Cuts the square, eye-levelled face crop the emotion model expects: FER2013-style framing
/// (whole face, a little forehead and chin), rotated so the eyes are horizontal.
/// </summary>
internal static class FaceCropper
{
    /// <summary>BlazeFace boxes are tighter than FER2013 crops; this widens them to match.</summary>
    public const float CropScale = 1.25f;

    public static void DrawCrop(SKCanvas canvas, SKImage source, DetectedFace face, int size)
    {
        var rightEye = face[FaceKeypoint.RightEye];
        var leftEye = face[FaceKeypoint.LeftEye];
        var angle = MathF.Atan2(leftEye.Y - rightEye.Y, leftEye.X - rightEye.X);
        var side = Math.Max(face.Box.Width, face.Box.Height) * CropScale;

        canvas.Clear(SKColors.Black);
        canvas.Save();
        canvas.Translate(size / 2f, size / 2f);
        canvas.Scale(size / side);
        canvas.RotateRadians(-angle);
        canvas.Translate(-face.Box.MidX, -face.Box.MidY);
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        canvas.Restore();
    }

    public static void DrawWhole(SKCanvas canvas, SKImage source, int size) =>
        canvas.DrawImage(source, SKRect.Create(size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
}
