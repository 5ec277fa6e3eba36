using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Xunit.Abstractions;

namespace Moodtunes.Vision.Tests.Models;

/// <summary>
/// Checks the committed ONNX models under models/. Each emotion model must reproduce the outputs of the
/// framework it came from on the same synthetic inputs: mini-Xception against tfjs
/// (models/emotion/reference-vectors.json, written by models/build-models.sh), our own model against
/// PyTorch (written by training/export_onnx.py --vectors). The BlazeFace detector must expose the
/// interface the pipeline uses.
/// </summary>
public sealed class ModelReferenceTests
{
    private const double Tolerance = 1e-5;
    private const int EmotionSide = 64;
    private const int EmotionClasses = 7;

    /// <summary>Every emotion model shipped under models/emotion, with its reference vectors.</summary>
    private static readonly (string Model, string Vectors)[] EmotionModels =
    [
        ("mini_xception_emotion.onnx", "reference-vectors.json"),
        ("moodtunes_emotion_v2.onnx", "moodtunes_emotion_v2.reference-vectors.json"),
    ];

    /// <summary>Emotion models with another interface, checked against their source in their own test class.</summary>
    private static readonly string[] CheckedElsewhere = ["faceapi_expression.onnx"]; // FaceApiExpressionReferenceTests

    private readonly ITestOutputHelper _output;

    public ModelReferenceTests(ITestOutputHelper output) => _output = output;

    public static TheoryData<string, string> EmotionModelFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var (model, vectors) in EmotionModels)
        {
            data.Add(model, vectors);
        }

        return data;
    }

    public static TheoryData<string> EmotionModelNames() => new(EmotionModels.Select(m => m.Model));

    [Fact]
    public void Every_emotion_model_in_the_repository_has_reference_vectors_checked_here()
    {
        var shipped = Directory.GetFiles(Path.Combine(RepositoryRoot(), "models", "emotion"), "*.onnx").Select(Path.GetFileName);

        Assert.Equal(EmotionModels.Select(m => m.Model).Concat(CheckedElsewhere).Order(StringComparer.Ordinal), shipped.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EmotionModelFiles))]
    public void Emotion_model_matches_its_reference_vectors_one_by_one(string model, string vectors)
    {
        var (inputs, expected) = LoadReferenceVectors(vectors);
        using var session = new InferenceSession(ModelPath("emotion", model));

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

        _output.WriteLine($"{model}: {inputs.Length} reference inputs, max abs diff: {worst:E3}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
    }

    [Theory]
    [MemberData(nameof(EmotionModelFiles))]
    public void Emotion_model_matches_its_reference_vectors_as_one_batch(string model, string vectors)
    {
        var (inputs, expected) = LoadReferenceVectors(vectors);
        using var session = new InferenceSession(ModelPath("emotion", model));

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

        _output.WriteLine($"{model}: batch of {inputs.Length}, max abs diff: {worst:E3}");
        Assert.True(worst < Tolerance, $"max abs diff {worst:E3} is not below {Tolerance:E0}");
    }

    [Theory]
    [MemberData(nameof(EmotionModelNames))]
    public void Emotion_model_has_nhwc_input_and_seven_class_output(string model)
    {
        using var session = new InferenceSession(ModelPath("emotion", model));

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

    private static (float[][] Inputs, double[][] Outputs) LoadReferenceVectors(string file)
    {
        using var stream = File.OpenRead(ModelPath("emotion", file));
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
