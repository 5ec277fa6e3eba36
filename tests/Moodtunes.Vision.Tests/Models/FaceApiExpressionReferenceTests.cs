using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Moodtunes.Testing;
using Xunit.Abstractions;

namespace Moodtunes.Vision.Tests.Models;

/// <summary>
/// Checks models/emotion/faceapi_expression.onnx (face-api.js's expression network, converted by
/// models/convert_faceapi_expression_to_onnx.py) against the original: face-api's own FaceExpressionNet run
/// on tfjs (cpu backend) on 8 synthetic 112×112 RGB inputs (models/emotion/faceapi_expression.reference-vectors.json,
/// written by models/verify/faceapi_expression_reference.mjs). The model takes raw pixels 0..255 and returns
/// the probabilities in the app's label order; the vectors hold tfjs's outputs mapped to that order by name.
/// </summary>
public sealed class FaceApiExpressionReferenceTests
{
    private const string ModelFile = "faceapi_expression.onnx";
    private const string VectorsFile = "faceapi_expression.reference-vectors.json";
    private const double Tolerance = 1e-5;
    private const int Side = 112;
    private const int Channels = 3;
    private const int PixelsPerInput = Side * Side * Channels;

    private static readonly string[] AppLabels = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"];

    private readonly ITestOutputHelper _output;

    public FaceApiExpressionReferenceTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Model_takes_nhwc_rgb_pixels_and_returns_seven_expressions_in_the_app_order()
    {
        using var session = new InferenceSession(ModelPath(ModelFile));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, Side, Side, Channels], input.Value.Dimensions);

        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("expressions", output.Key);
        Assert.Equal(typeof(float), output.Value.ElementType);
        Assert.Equal([-1, AppLabels.Length], output.Value.Dimensions);

        Assert.Equal(string.Join(',', AppLabels), session.ModelMetadata.CustomMetadataMap["labels"]);
    }

    [Fact]
    public void Model_matches_face_api_on_tfjs_one_by_one()
    {
        var (inputs, expected) = LoadReferenceVectors();
        using var session = new InferenceSession(ModelPath(ModelFile));

        var worst = 0.0;
        var sameClass = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var actual = Run(session, inputs[i], batch: 1);
            Assert.Equal(AppLabels.Length, actual.Length);
            for (var k = 0; k < AppLabels.Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(actual[k] - expected[i][k]));
            }

            sameClass += ArgMax(actual) == ArgMax(expected[i]) ? 1 : 0;
        }

        _output.WriteLine($"{ModelFile}: {inputs.Length} reference inputs, max abs diff vs tfjs: {worst:E3}, argmax agrees {sameClass}/{inputs.Length}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
        Assert.Equal(inputs.Length, sameClass);
    }

    [Fact]
    public void Model_matches_face_api_on_tfjs_as_one_batch()
    {
        var (inputs, expected) = LoadReferenceVectors();
        using var session = new InferenceSession(ModelPath(ModelFile));

        var actual = Run(session, inputs.SelectMany(x => x).ToArray(), batch: inputs.Length);

        Assert.Equal(inputs.Length * AppLabels.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < AppLabels.Length; k++)
            {
                var p = actual[(i * AppLabels.Length) + k];
                worst = Math.Max(worst, Math.Abs(p - expected[i][k]));
                sum += p;
            }

            Assert.InRange(sum, 1 - 1e-5, 1 + 1e-5);
        }

        _output.WriteLine($"{ModelFile}: batch of {inputs.Length}, max abs diff vs tfjs: {worst:E3}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
    }

    private static float[] Run(InferenceSession session, float[] pixels, int batch)
    {
        using var tensor = OrtValue.CreateTensorValueFromMemory(pixels, [batch, Side, Side, Channels]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["input"], [tensor], ["expressions"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static int ArgMax(float[] values) => ArgMax(values.Select(v => (double)v).ToArray());

    /// <summary>Inputs are base64 uint8 RGB pixels (NHWC, row-major), fed to the model as float32 0..255.</summary>
    private static (float[][] Inputs, double[][] Outputs) LoadReferenceVectors()
    {
        using var stream = File.OpenRead(ModelPath(VectorsFile));
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        Assert.Equal(AppLabels, root.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.StartsWith("base64 uint8", root.GetProperty("inputEncoding").GetString(), StringComparison.Ordinal);

        var inputs = root.GetProperty("inputs").EnumerateArray()
            .Select(v => Convert.FromBase64String(v.GetString()!).Select(b => (float)b).ToArray())
            .ToArray();
        var outputs = root.GetProperty("outputs").EnumerateArray()
            .Select(v => v.EnumerateArray().Select(x => x.GetDouble()).ToArray())
            .ToArray();

        Assert.NotEmpty(inputs);
        Assert.Equal(inputs.Length, outputs.Length);
        Assert.All(inputs, x => Assert.Equal(PixelsPerInput, x.Length));
        Assert.All(outputs, y => Assert.Equal(AppLabels.Length, y.Length));
        return (inputs, outputs);
    }

    private static string ModelPath(string file) => Path.Combine(RepositoryPaths.Root, "models", "emotion", file);
}
