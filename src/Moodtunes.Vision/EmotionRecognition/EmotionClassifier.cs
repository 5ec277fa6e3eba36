using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// A FER2013-style emotion model on ONNX Runtime: 64×64 greyscale NHWC in, softmax over the seven
/// emotions out (the interface of both models under models/emotion). All faces of a photo go in one batch.
/// </summary>
internal sealed class EmotionClassifier : IDisposable
{
    public const int InputSize = 64;

    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly FaceCropOptions _framing;

    public EmotionClassifier(string modelPath, SessionOptions sessionOptions, FaceCropOptions framing)
    {
        ModelPath = modelPath;
        _framing = framing;
        _session = new InferenceSession(modelPath, sessionOptions);
        _inputName = _session.InputMetadata.Keys.Single();
    }

    /// <summary>The ONNX file this classifier runs.</summary>
    public string ModelPath { get; }

    /// <summary>Classifies each detected face of <paramref name="image"/>, in the same order.</summary>
    public IReadOnlyList<EmotionDistribution> ClassifyFaces(SKBitmap image, IReadOnlyList<DetectedFace> faces)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        if (faces.Count == 0)
        {
            return [];
        }

        return Run(faces.Count, (canvas, i) => FaceCropper.DrawCrop(canvas, image, faces[i], _framing, InputSize));
    }

    /// <summary>Classifies images that are already face crops (FER2013 style), each as a whole.</summary>
    public IReadOnlyList<EmotionDistribution> ClassifyCrops(IReadOnlyList<SKBitmap> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        if (crops.Count == 0)
        {
            return [];
        }

        return Run(crops.Count, (canvas, i) =>
        {
            using var source = SKImage.FromBitmap(crops[i]);
            FaceCropper.DrawWhole(canvas, source, InputSize);
        });
    }

    public void Dispose() => _session.Dispose();

    private EmotionDistribution[] Run(int count, Action<SKCanvas, int> drawFace)
    {
        const int pixels = InputSize * InputSize;
        var views = _framing.AverageMirrored ? 2 : 1;
        var input = new DenseTensor<float>([count * views, InputSize, InputSize, 1]);
        using var crop = new SKBitmap(new SKImageInfo(InputSize, InputSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(crop);
        var tensor = input.Buffer.Span;
        for (var i = 0; i < count; i++)
        {
            drawFace(canvas, i);
            canvas.Flush();
            var face = tensor.Slice(i * pixels, pixels);
            WriteGrey(crop.GetPixelSpan(), face);
            if (views == 2)
            {
                // The mirror image from the crop's own pixels: a second draw would cost as much as the flip saves.
                var mirror = tensor.Slice((count + i) * pixels, pixels);
                for (var row = 0; row < pixels; row += InputSize)
                {
                    face.Slice(row, InputSize).CopyTo(mirror.Slice(row, InputSize));
                    mirror.Slice(row, InputSize).Reverse();
                }
            }
        }

        using var outputs = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)]);
        var probabilities = outputs[0].AsEnumerable<float>().ToArray();
        var emotions = EmotionDistribution.EmotionCount;
        return [.. Enumerable.Range(0, count).Select(i => Average(probabilities, i, views == 2 ? count + i : i, emotions))];
    }

    private static EmotionDistribution Average(float[] probabilities, int first, int second, int emotions)
    {
        Span<float> mean = stackalloc float[emotions];
        for (var e = 0; e < emotions; e++)
        {
            mean[e] = (probabilities[(first * emotions) + e] + probabilities[(second * emotions) + e]) / 2;
        }

        return new EmotionDistribution(mean);
    }

    /// <summary>The model's preprocessing: ITU-R 601 luma on 0..1, then centred to -1..1.</summary>
    private static void WriteGrey(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        for (int p = 0, i = 0; p < destination.Length; p++, i += 4)
        {
            var grey = ((0.2989f * rgba[i]) + (0.5870f * rgba[i + 1]) + (0.1140f * rgba[i + 2])) / 255f;
            destination[p] = (grey - 0.5f) * 2f;
        }
    }
}
