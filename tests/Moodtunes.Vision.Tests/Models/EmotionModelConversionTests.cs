using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Moodtunes.Vision.Tests.Models;

/// <summary>
/// Checks the committed ONNX models under models/: the converted mini-Xception emotion classifier
/// must reproduce the original tfjs model's outputs (models/emotion/reference-vectors.json, written
/// by models/build-models.sh), and the BlazeFace detector must expose the interface the pipeline uses.
/// </summary>
public sealed class EmotionModelConversionTests
{
    private const double Tolerance = 1e-5;
    private const int EmotionSide = 64;
    private const int EmotionClasses = 7;

    private readonly ITestOutputHelper _output;

    public EmotionModelConversionTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Emotion_model_matches_tfjs_reference_vectors_one_by_one()
    {
        var (inputs, expected) = LoadReferenceVectors();
        using var session = new InferenceSession(ModelPath("emotion", "mini_xception_emotion.onnx"));

        var worst = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            var actual = RunEmotion(session, inputs[i], batch: 1);
            Assert.Equal(EmotionClasses, actual.Length);
            for (var k = 0; k < EmotionClasses; k++)
            {
                worst = Math.Max(worst, Math.Abs(actual[k] - expected[i][k]));
            }
        }

        _output.WriteLine($"{inputs.Length} reference inputs, max abs diff vs tfjs: {worst:E3}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
    }

    [Fact]
    public void Emotion_model_matches_tfjs_reference_vectors_as_one_batch()
    {
        var (inputs, expected) = LoadReferenceVectors();
        using var session = new InferenceSession(ModelPath("emotion", "mini_xception_emotion.onnx"));

        var actual = RunEmotion(session, inputs.SelectMany(x => x).ToArray(), batch: inputs.Length);

        Assert.Equal(inputs.Length * EmotionClasses, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < inputs.Length; i++)
        {
            for (var k = 0; k < EmotionClasses; k++)
            {
                worst = Math.Max(worst, Math.Abs(actual[(i * EmotionClasses) + k] - expected[i][k]));
            }
        }

        _output.WriteLine($"batch of {inputs.Length}, max abs diff vs tfjs: {worst:E3}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
    }

    [Fact]
    public void Emotion_model_has_nhwc_input_and_seven_class_output()
    {
        using var session = new InferenceSession(ModelPath("emotion", "mini_xception_emotion.onnx"));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([-1, EmotionSide, EmotionSide, 1], input.Value.Dimensions);

        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("emotions", output.Key);
        Assert.Equal(typeof(float), output.Value.ElementType);
        Assert.Equal([-1, EmotionClasses], output.Value.Dimensions);
    }

    [Fact]
    public void BlazeFace_model_loads_with_expected_input_and_four_outputs()
    {
        using var session = new InferenceSession(ModelPath("blazeface", "face_detection_front_128x128.onnx"));

        var input = Assert.Single(session.InputMetadata);
        Assert.Equal("input:0", input.Key);
        Assert.Equal(typeof(float), input.Value.ElementType);
        Assert.Equal([1, 128, 128, 3], input.Value.Dimensions);

        int[][] expectedOutputs = [[1, 512, 1], [1, 384, 1], [1, 512, 16], [1, 384, 16]];
        Assert.Equal(expectedOutputs.Length, session.OutputMetadata.Count);
        var outputs = session.OutputMetadata.Select(o => o.Value.Dimensions).ToArray();
        for (var i = 0; i < expectedOutputs.Length; i++)
        {
            Assert.Equal(expectedOutputs[i], outputs[i]);
        }

        // One run on a grey image: every output arrives with the declared shape.
        var pixels = new float[128 * 128 * 3];
        using var tensor = OrtValue.CreateTensorValueFromMemory(pixels, [1, 128, 128, 3]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["input:0"], [tensor], session.OutputNames);
        for (var i = 0; i < expectedOutputs.Length; i++)
        {
            Assert.Equal(expectedOutputs[i].Select(d => (long)d), results[i].GetTensorTypeAndShape().Shape);
        }
    }

    private static float[] RunEmotion(InferenceSession session, float[] pixels, int batch)
    {
        using var tensor = OrtValue.CreateTensorValueFromMemory(pixels, [batch, EmotionSide, EmotionSide, 1]);
        using var runOptions = new RunOptions();
        using var results = session.Run(runOptions, ["input"], [tensor], ["emotions"]);
        return results[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private static (float[][] Inputs, double[][] Outputs) LoadReferenceVectors()
    {
        using var stream = File.OpenRead(ModelPath("emotion", "reference-vectors.json"));
        using var json = JsonDocument.Parse(stream);
        var inputs = json.RootElement.GetProperty("inputs").EnumerateArray()
            .Select(v => v.EnumerateArray().Select(x => x.GetSingle()).ToArray())
            .ToArray();
        var outputs = json.RootElement.GetProperty("outputs").EnumerateArray()
            .Select(v => v.EnumerateArray().Select(x => x.GetDouble()).ToArray())
            .ToArray();

        Assert.NotEmpty(inputs);
        Assert.Equal(inputs.Length, outputs.Length);
        Assert.All(inputs, x => Assert.Equal(EmotionSide * EmotionSide, x.Length));
        Assert.All(outputs, y => Assert.Equal(EmotionClasses, y.Length));
        return (inputs, outputs);
    }

    private static string ModelPath(params string[] parts) =>
        Path.Combine([RepositoryRoot(), "models", .. parts]);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Serverless.sln not found above {AppContext.BaseDirectory}");
    }
}
