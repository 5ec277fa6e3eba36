using Moodtunes.Testing;
namespace Moodtunes.Cdk.Tests;

/// <summary>The <c>emotionModel</c> context picks the analyze function's emotion model (e.g. back to mini-Xception).</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class EmotionModelSettingTests(SynthesizedStack stack)
{
    private const string MiniXception = "emotion/mini_xception_emotion.onnx";

    [Fact]
    public void By_default_no_function_names_an_emotion_model()
    {
        foreach (var name in SynthesizedStack.FunctionNames)
        {
            var variables = stack.Function(name).Properties.GetProperty("Environment").GetProperty("Variables");
            Assert.False(variables.TryGetProperty("Vision__EmotionModelFile", out _), name);
        }
    }

    [Fact]
    public void The_context_sets_the_model_on_the_analyze_function_only()
    {
        using var variant = new SynthesizedStack(
            new Dictionary<string, object> { [MoodtunesSettings.EmotionModelKey] = MiniXception },
            Path.Combine("AnalyzeFunction", "models", MiniXception));

        var analyze = variant.Function("AnalyzeFunction").Properties.GetProperty("Environment").GetProperty("Variables");
        Assert.Equal(MiniXception, analyze.GetProperty("Vision__EmotionModelFile").GetString());
        foreach (var name in new[] { "UploadFunction", "RecommendFunction" })
        {
            var variables = variant.Function(name).Properties.GetProperty("Environment").GetProperty("Variables");
            Assert.False(variables.TryGetProperty("Vision__EmotionModelFile", out _), name);
        }
    }

    [Fact]
    public void A_model_missing_from_the_package_fails_the_synth_with_its_path()
    {
        var error = Assert.Throws<ArgumentException>(() => new SynthesizedStack(
            new Dictionary<string, object> { [MoodtunesSettings.EmotionModelKey] = "emotion/missing.onnx" }));

        Assert.Contains(MoodtunesSettings.EmotionModelKey, error.Message, StringComparison.Ordinal);
        Assert.Contains("missing.onnx", error.Message, StringComparison.Ordinal);
    }
}
