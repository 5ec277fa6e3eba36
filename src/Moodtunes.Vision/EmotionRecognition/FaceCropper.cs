using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// Cuts the square, eye-levelled face crop the emotion model expects: FER2013-style framing
/// (<see cref="FaceCropOptions"/>), rotated so the eyes are horizontal.
/// </summary>
internal static class FaceCropper
{
    public static void DrawCrop(SKCanvas canvas, SKBitmap image, DetectedFace face, FaceCropOptions framing, int size)
    {
        var rightEye = face[FaceKeypoint.RightEye];
        var leftEye = face[FaceKeypoint.LeftEye];
        var angle = MathF.Atan2(leftEye.Y - rightEye.Y, leftEye.X - rightEye.X);
        var side = Math.Max(face.Box.Width, face.Box.Height) * framing.Scale;

        // Only the part of the photo the (possibly rotated) crop can reach is copied and mipmapped, not the
        // whole working image: that took most of a face's crop time. Where the crop leaves the photo, the
        // part's edges are the photo's edges, so clamping extends the photo as before.
        var reach = side * (0.75f + Math.Abs(framing.ShiftDown));
        var part = SKRectI.Intersect(
            SKRectI.Round(new SKRect(face.Box.MidX - reach, face.Box.MidY - reach, face.Box.MidX + reach, face.Box.MidY + reach)),
            SKRectI.Create(image.Width, image.Height));
        if (part.IsEmpty)
        {
            part = SKRectI.Create(image.Width, image.Height);
        }

        using var region = new SKBitmap();
        image.ExtractSubset(region, part);
        using var source = SKImage.FromBitmap(region);

        canvas.Clear(SKColors.Black);
        canvas.Save();
        canvas.Translate(size / 2f, (0.5f - framing.ShiftDown) * size); // shifted along the levelled face's vertical
        canvas.Scale(size / side);
        canvas.RotateRadians(-angle);
        canvas.Translate(part.Left - face.Box.MidX, part.Top - face.Box.MidY);
        using var shader = source.ToShader(SKShaderTileMode.Clamp, SKShaderTileMode.Clamp, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawPaint(paint);
        canvas.Restore();
    }

    public static void DrawWhole(SKCanvas canvas, SKImage source, int size) =>
        canvas.DrawImage(source, SKRect.Create(size, size), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
}
