using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision.FaceDetection;
using SkiaSharp;

namespace Moodtunes.Vision.EmotionRecognition;

/// <summary>
/// An emotion model on ONNX Runtime: square face crops in, softmax over the seven emotions out. The model's
/// input shape says how a face is fed (the two interfaces of models/emotion): [N,S,S,1] is FER2013-style grey
/// centred to -1..1 (ours, mini-Xception), [N,S,S,3] is RGB pixel values 0..255 (face-api.js's expression
/// network, which normalises inside its graph). All faces of a photo go in one batch.
/// </summary>
internal sealed class EmotionClassifier : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly FaceCropOptions _framing;
    private readonly int _channels;

    public EmotionClassifier(string modelPath, SessionOptions sessionOptions, FaceCropOptions framing)
    {
        ModelPath = modelPath;
        _framing = framing;
        _session = new InferenceSession(modelPath, sessionOptions);
        var (name, input) = _session.InputMetadata.Single();
        _inputName = name;
        if (input.Dimensions is not [_, var height, var width, var channels and (1 or 3)] || height != width || height <= 0)
        {
            _session.Dispose();
            throw new InvalidDataException($"{modelPath}: expected an NHWC input of square grey or RGB faces, got [{string.Join(',', input.Dimensions)}].");
        }

        InputSize = width;
        _channels = channels;
    }

    /// <summary>The ONNX file this classifier runs.</summary>
    public string ModelPath { get; }

    /// <summary>The side of the square crop the model reads, in pixels.</summary>
    public int InputSize { get; }

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
        var row = InputSize * _channels;
        var values = InputSize * row;
        var views = _framing.AverageMirrored ? 2 : 1;
        var input = new DenseTensor<float>([count * views, InputSize, InputSize, _channels]);
        using var crop = new SKBitmap(new SKImageInfo(InputSize, InputSize, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(crop);
        var tensor = input.Buffer.Span;
        for (var i = 0; i < count; i++)
        {
            drawFace(canvas, i);
            canvas.Flush();
            var face = tensor.Slice(i * values, values);
            if (_channels == 1)
            {
                WriteGrey(crop.GetPixelSpan(), face);
            }
            else
            {
                WriteRgb(crop.GetPixelSpan(), face);
            }

            if (views == 2)
            {
                // The mirror image from the crop's own pixels: a second draw would cost as much as the flip saves.
                var mirror = tensor.Slice((count + i) * values, values);
                for (var start = 0; start < values; start += row)
                {
                    for (var x = 0; x < InputSize; x++)
                    {
                        face.Slice(start + (x * _channels), _channels).CopyTo(mirror.Slice(start + ((InputSize - 1 - x) * _channels), _channels));
                    }
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

    /// <summary>The FER2013 models' preprocessing: ITU-R 601 luma on 0..1, then centred to -1..1.</summary>
    private static void WriteGrey(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        for (int p = 0, i = 0; p < destination.Length; p++, i += 4)
        {
            var grey = ((0.2989f * rgba[i]) + (0.5870f * rgba[i + 1]) + (0.1140f * rgba[i + 2])) / 255f;
            destination[p] = (grey - 0.5f) * 2f;
        }
    }

    /// <summary>RGB pixel values as they are; a colour model normalises inside its graph.</summary>
    private static void WriteRgb(ReadOnlySpan<byte> rgba, Span<float> destination)
    {
        for (int p = 0, i = 0; p < destination.Length; p += 3, i += 4)
        {
            destination[p] = rgba[i];
            destination[p + 1] = rgba[i + 1];
            destination[p + 2] = rgba[i + 2];
        }
    }
}
