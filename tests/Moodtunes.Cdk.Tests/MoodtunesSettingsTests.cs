using Amazon.CDK;

namespace Moodtunes.Cdk.Tests;

public sealed class MoodtunesSettingsTests
{
    [Fact]
    public void Defaults_are_the_repo_folders_and_a_disposable_demo()
    {
        var settings = MoodtunesSettings.Parse(null, null, null);

        Assert.Equal(Path.GetFullPath("artifacts/lambda"), settings.PublishRoot);
        Assert.Equal(Path.GetFullPath("static-site"), settings.SiteRoot);
        Assert.Equal(RemovalPolicy.DESTROY, settings.RemovalPolicy);
    }

    [Theory]
    [InlineData("retain", RemovalPolicy.RETAIN)]
    [InlineData("RETAIN", RemovalPolicy.RETAIN)]
    [InlineData("destroy", RemovalPolicy.DESTROY)]
    public void Removal_policy_is_read_from_context(string value, RemovalPolicy expected) =>
        Assert.Equal(expected, MoodtunesSettings.Parse("p", "s", value).RemovalPolicy);

    [Fact]
    public void Unknown_removal_policy_is_an_error() =>
        Assert.Throws<ArgumentException>(() => MoodtunesSettings.Parse(null, null, "snapshot"));

    [Fact]
    public void Paths_from_context_are_made_absolute()
    {
        var settings = MoodtunesSettings.Parse("out/fn", "/srv/site", null);

        Assert.Equal(Path.GetFullPath("out/fn"), settings.PublishRoot);
        Assert.Equal("/srv/site", settings.SiteRoot);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", null)]
    [InlineData(" emotion/mini_xception_emotion.onnx ", "emotion/mini_xception_emotion.onnx")]
    public void Emotion_model_is_optional_and_trimmed(string? value, string? expected) =>
        Assert.Equal(expected, MoodtunesSettings.Parse(null, null, null, value).EmotionModel);
}
