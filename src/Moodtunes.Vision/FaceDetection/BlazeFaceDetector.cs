using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Moodtunes.Vision.Imaging;
using SkiaSharp;

namespace Moodtunes.Vision.FaceDetection;

/// <summary>
/// MediaPipe BlazeFace (front camera, 128×128) on ONNX Runtime. The photo is letterboxed into the
/// square input so faces keep their shape; boxes come back in the photo's own coordinates.
/// One instance is shared by all threads: the session is created once and Run is thread-safe.
/// </summary>
internal sealed class BlazeFaceDetector : IDisposable
{
    private const int InputSize = 128;
    private const int RegressorWidth = 16;
    private const int KeypointCount = 6;

    /// <summary>Mid grey: the colour the detector's [-1, 1] input reads as zero.</summary>
    private static readonly SKColor NeutralBorder = new(128, 128, 128);

    private readonly InferenceSession _session;
    private readonly FaceDetectorOptions _options;
    private readonly string _inputName;
    private readonly (string Scores, string Regressors, (float X, float Y)[] Anchors)[] _heads;

    public BlazeFaceDetector(string modelPath, SessionOptions sessionOptions, FaceDetectorOptions options)
    {
        _session = new InferenceSession(modelPath, sessionOptions);
        _options = options;
        _inputName = _session.InputMetadata.Keys.Single();
        _heads =
        [
            (OutputWith(512, 1), OutputWith(512, RegressorWidth), BlazeFaceAnchors.Grid16),
            (OutputWith(384, 1), OutputWith(384, RegressorWidth), BlazeFaceAnchors.Grid8),
        ];
    }

    /// <summary>
    /// Every face found, largest first. The whole photo is searched first; when that finds nothing,
    /// or only small faces (a group photo), four overlapping quarters are searched too, so faces too
    /// small for a 128-pixel view of the whole photo are found as well.
    /// </summary>
    public IReadOnlyList<DetectedFace> Detect(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);

        // Every pass samples one small copy instead of the full working image; made without mipmaps,
        // which doubled the time of a whole-photo pass (5.6 against 2.7 ms).
        var viewScale = Math.Min(1f, (float)_options.DetectionViewSide / Math.Max(image.Width, image.Height));
        using var small = ImageShrinker.ToLongSide(image, _options.DetectionViewSide, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        using var view = SKImage.FromBitmap(small ?? image);
        var whole = SKRect.Create(view.Width, view.Height);
        var candidates = DetectIn(view, whole);
        var largest = candidates.Count == 0 ? 0 : candidates.Max(c => c.Box.Width);
        if (largest < _options.QuarterSearchBelowFraction * Math.Max(whole.Width, whole.Height))
        {
            foreach (var quarter in Quarters(whole))
            {
                // Large faces are the whole-photo pass's job; a quarter only adds small faces that lie
                // clear of its inner edges (a face cut by an edge would otherwise count as a half face).
                var maxSide = _options.QuarterSearchBelowFraction * Math.Max(whole.Width, whole.Height);
                candidates.AddRange(DetectIn(view, quarter)
                    .Where(f => f.Box.Width <= maxSide && IsClearOfInnerEdges(f.Box, quarter, whole)));
            }
        }

        if (candidates.TrueForAll(c => TouchesEdge(c.Box, whole)))
        {
            // A face that fills the frame (a close selfie) is larger than the model's view allows, or cut
            // by the edges: seen again with a neutral border, it sits inside the view and is found whole.
            var padded = DetectPadded(view);
            if (padded.Count > 0)
            {
                candidates = [.. candidates.Where(c => !TouchesEdge(c.Box, whole)), .. padded];
            }
        }

        var minSide = _options.MinFaceFraction * Math.Max(whole.Width, whole.Height);
        return [.. BlendOverlapping(candidates)
            .Where(f => f.Box.Width >= minSide)
            .Select(f => ToPhoto(f, viewScale))
            .OrderByDescending(f => f.Area)];
    }

    public void Dispose() => _session.Dispose();

    private string OutputWith(int anchors, int width) =>
        _session.OutputMetadata.Single(o => o.Value.Dimensions is [_, var a, var w] && a == anchors && w == width).Key;

    /// <summary>Runs the model on one region of the photo, letterboxed; candidates come back in photo coordinates.</summary>
    private List<DetectedFace> DetectIn(SKImage source, SKRect region)
    {
        var scale = InputSize / Math.Max(region.Width, region.Height);
        var padX = (InputSize - (region.Width * scale)) / 2;
        var padY = (InputSize - (region.Height * scale)) / 2;

        var input = new DenseTensor<float>([1, InputSize, InputSize, 3]);
        FillInput(source, region, SKRect.Create(padX, padY, region.Width * scale, region.Height * scale), input.Buffer.Span);

        using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var candidates = new List<DetectedFace>();
        foreach (var (scoresName, regressorsName, anchors) in _heads)
        {
            var scores = outputs.Single(o => o.Name == scoresName).AsEnumerable<float>().ToArray();
            var regressors = outputs.Single(o => o.Name == regressorsName).AsEnumerable<float>().ToArray();
            Decode(scores, regressors, anchors, candidates);
        }

        SKPoint ToPhoto(SKPoint p) => new(region.Left + ((p.X - padX) / scale), region.Top + ((p.Y - padY) / scale));
        DetectedFace InPhoto(DetectedFace f)
        {
            var (topLeft, bottomRight) = (ToPhoto(f.Box.Location), ToPhoto(new SKPoint(f.Box.Right, f.Box.Bottom)));
            return new DetectedFace(new SKRect(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y), f.Score, [.. f.Keypoints.Select(ToPhoto)]);
        }

        return candidates.ConvertAll(InPhoto);
    }

    /// <summary>The whole view inside a neutral grey border; candidates come back in the view's coordinates.</summary>
    private List<DetectedFace> DetectPadded(SKImage view)
    {
        var pad = (int)MathF.Ceiling(_options.PaddedRetryBorder * Math.Max(view.Width, view.Height));
        using var surface = SKSurface.Create(new SKImageInfo(view.Width + (2 * pad), view.Height + (2 * pad), SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(NeutralBorder);
        surface.Canvas.DrawImage(view, pad, pad);
        using var padded = surface.Snapshot();
        return DetectIn(padded, SKRect.Create(padded.Width, padded.Height)).ConvertAll(f => f.Offset(-pad, -pad));
    }

    /// <summary>A box reaching within 1 % of an edge of the view is a face the view cuts (or about to).</summary>
    private static bool TouchesEdge(SKRect box, SKRect whole)
    {
        var margin = 0.01f * Math.Max(whole.Width, whole.Height);
        return box.Left <= whole.Left + margin || box.Top <= whole.Top + margin
            || box.Right >= whole.Right - margin || box.Bottom >= whole.Bottom - margin;
    }

    private static void FillInput(SKImage source, SKRect region, SKRect destination, Span<float> input)
    {
        using var square = new SKBitmap(new SKImageInfo(InputSize, InputSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(square))
        {
            canvas.Clear(SKColors.Black);
            canvas.DrawImage(source, region, destination, new SKSamplingOptions(SKFilterMode.Linear));
        }

        var pixels = square.GetPixelSpan();
        for (int p = 0, i = 0; p < InputSize * InputSize; p++, i += 4)
        {
            input[(p * 3) + 0] = (pixels[i + 0] / 127.5f) - 1f;
            input[(p * 3) + 1] = (pixels[i + 1] / 127.5f) - 1f;
            input[(p * 3) + 2] = (pixels[i + 2] / 127.5f) - 1f;
        }
    }

    private static IEnumerable<SKRect> Quarters(SKRect whole)
    {
        const float share = 0.6f; // each quarter spans 60 % of each side, so neighbours overlap by 20 %
        var (w, h) = (whole.Width * share, whole.Height * share);
        foreach (var top in new[] { 0f, whole.Height - h })
        {
            foreach (var left in new[] { 0f, whole.Width - w })
            {
                yield return SKRect.Create(left, top, w, h);
            }
        }
    }

    private static bool IsClearOfInnerEdges(SKRect face, SKRect quarter, SKRect whole)
    {
        var margin = face.Width * 0.1f;
        return (quarter.Left <= whole.Left || face.Left > quarter.Left + margin)
            && (quarter.Right >= whole.Right || face.Right < quarter.Right - margin)
            && (quarter.Top <= whole.Top || face.Top > quarter.Top + margin)
            && (quarter.Bottom >= whole.Bottom || face.Bottom < quarter.Bottom - margin);
    }

    private void Decode(float[] scores, float[] regressors, (float X, float Y)[] anchors, List<DetectedFace> into)
    {
        for (var a = 0; a < anchors.Length; a++)
        {
            var score = Sigmoid(scores[a]);
            if (score < _options.ScoreThreshold)
            {
                continue;
            }

            // Regressors are in input pixels, relative to the anchor centre.
            var r = regressors.AsSpan(a * RegressorWidth, RegressorWidth);
            var (ax, ay) = (anchors[a].X * InputSize, anchors[a].Y * InputSize);
            var (cx, cy) = (ax + r[0], ay + r[1]);
            var box = SKRect.Create(cx - (r[2] / 2), cy - (r[3] / 2), r[2], r[3]);
            var keypoints = new SKPoint[KeypointCount];
            for (var k = 0; k < KeypointCount; k++)
            {
                keypoints[k] = new SKPoint(ax + r[4 + (2 * k)], ay + r[5 + (2 * k)]);
            }

            into.Add(new DetectedFace(box, score, keypoints));
        }
    }

    /// <summary>MediaPipe's weighted non-maximum suppression: overlapping candidates are averaged by score.</summary>
    private List<DetectedFace> BlendOverlapping(List<DetectedFace> candidates)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        var faces = new List<DetectedFace>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var group = remaining.Where(c => BoxGeometry.IoU(best.Box, c.Box) > _options.MergeIoU).ToList();
            remaining.RemoveAll(group.Contains);

            var total = group.Sum(c => c.Score);
            float Blend(Func<DetectedFace, float> value) => group.Sum(c => value(c) * c.Score) / total;
            var box = new SKRect(Blend(c => c.Box.Left), Blend(c => c.Box.Top), Blend(c => c.Box.Right), Blend(c => c.Box.Bottom));
            var keypoints = Enumerable.Range(0, KeypointCount)
                .Select(k => new SKPoint(Blend(c => c.Keypoints[k].X), Blend(c => c.Keypoints[k].Y)))
                .ToArray();
            faces.Add(new DetectedFace(box, best.Score, keypoints));
        }

        return faces;
    }

    /// <summary>
    /// Maps a face from the detection view back to the photo. The box may reach past the photo's edges
    /// (a face the frame cuts): the crop is framed on the whole face; reports clamp it.
    /// </summary>
    private static DetectedFace ToPhoto(DetectedFace face, float viewScale)
    {
        SKPoint Scale(SKPoint p) => new(p.X / viewScale, p.Y / viewScale);
        var box = face.Box;
        return new DetectedFace(
            new SKRect(box.Left / viewScale, box.Top / viewScale, box.Right / viewScale, box.Bottom / viewScale),
            face.Score,
            [.. face.Keypoints.Select(Scale)]);
    }

    private static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-Math.Clamp(x, -80f, 80f)));
}
