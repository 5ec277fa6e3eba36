using System.Globalization;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Cli.Commands;

/// <summary>
/// <c>framing &lt;folder&gt;</c>: how the faces of a folder (searched recursively) sit in their images and in
/// the detector's boxes, as medians. Run on FER2013 crops it says how the model's training faces are framed;
/// run on photos it gives the box-relative geometry from which the crop (<c>Vision:Crop:*</c>) is set.
/// </summary>
internal static class FramingCommand
{
    public static int Run(VisionPipeline pipeline, string folder, TextWriter output)
    {
        var faces = new List<Geometry>();
        var images = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try
            {
                var result = pipeline.Analyze(File.ReadAllBytes(file));
                images++;
                if (result.PrimaryFace is { } face)
                {
                    faces.Add(Geometry.Of(face, result.ImageWidth, result.ImageHeight));
                }
            }
            catch (ImageRejectedException)
            {
                // Not a photo: nothing to measure.
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{faces.Count} faces in {images} images; median (25th-75th percentile)"));
        Line(output, "eye distance / image side", faces.Select(f => f.EyeDistance / f.ImageSide));
        Line(output, "eye-to-mouth / image side", faces.Select(f => f.EyeToMouth / f.ImageSide));
        Line(output, "eye line / image height", faces.Select(f => f.EyeY / f.ImageHeight));
        Line(output, "mouth / image height", faces.Select(f => f.MouthY / f.ImageHeight));
        Line(output, "box side / image side", faces.Select(f => f.BoxSide / f.ImageSide));
        Line(output, "eye distance / box side", faces.Select(f => f.EyeDistance / f.BoxSide));
        Line(output, "eye-to-mouth / box side", faces.Select(f => f.EyeToMouth / f.BoxSide));
        Line(output, "(eye line - box centre) / box side", faces.Select(f => (f.EyeY - f.BoxMidY) / f.BoxSide));
        Line(output, "(mouth - box centre) / box side", faces.Select(f => (f.MouthY - f.BoxMidY) / f.BoxSide));
        return faces.Count > 0 ? 0 : 1;
    }

    private static void Line(TextWriter output, string name, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-36} {At(0.5):F3} ({At(0.25):F3}-{At(0.75):F3})"));
    }

    /// <summary>One face's geometry in the image's pixels (the box is clamped to the image, as reported).</summary>
    private sealed record Geometry(double ImageSide, double ImageHeight, double EyeDistance, double EyeToMouth, double EyeY, double MouthY, double BoxSide, double BoxMidY)
    {
        public static Geometry Of(FaceAnalysis face, int width, int height)
        {
            var (rightEye, leftEye, mouth) = (face.Keypoints[0], face.Keypoints[1], face.Keypoints[3]);
            var eyeY = (rightEye.Y + leftEye.Y) / 2 * height;
            var eyeX = (rightEye.X + leftEye.X) / 2 * width;
            return new Geometry(
                Math.Max(width, height),
                height,
                Math.Sqrt(Math.Pow((leftEye.X - rightEye.X) * width, 2) + Math.Pow((leftEye.Y - rightEye.Y) * height, 2)),
                Math.Sqrt(Math.Pow((mouth.X * width) - eyeX, 2) + Math.Pow((mouth.Y * height) - eyeY, 2)),
                eyeY,
                mouth.Y * height,
                Math.Max(face.Box.Width * width, face.Box.Height * height),
                (face.Box.Top + (face.Box.Height / 2)) * height);
        }
    }
}
