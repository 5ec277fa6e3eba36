using Amazon.CDK;
using Moodtunes.Testing;

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

    [Theory]
    [InlineData(null, "arm64", "linux-arm64")]
    [InlineData("arm64", "arm64", "linux-arm64")]
    [InlineData("x86_64", "x86_64", "linux-x64")]
    public void Architecture_is_arm64_unless_context_says_x86_64(string? value, string name, string rid)
    {
        var architecture = MoodtunesSettings.ParseArchitecture(value);
        Assert.Equal(name, architecture.Name);
        Assert.Equal(rid, architecture.RuntimeIdentifier);
    }

    [Fact]
    public void Unknown_architecture_is_an_error() =>
        Assert.Throws<ArgumentException>(() => MoodtunesSettings.ParseArchitecture("x86"));
}

/// <summary>Reading the knobs from a CDK app's context talks to the jsii runtime, so these run with the synth tests.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class ContextSettingsTests
{
    [Theory]
    [InlineData(MoodtunesSettings.AnalyzeConcurrencyKey, "0")]
    [InlineData(MoodtunesSettings.ApiRateLimitKey, "-5")]
    [InlineData(MoodtunesSettings.UploadBurstLimitKey, "many")]
    [InlineData(MoodtunesSettings.WafRateLimitKey, "1.5")]
    [InlineData(MoodtunesSettings.AdapterLayerVersionKey, "latest")]
    public void Limits_must_be_whole_numbers_above_zero(string key, string value)
    {
        var error = Assert.Throws<ArgumentException>(() => FromContext(new() { [key] = value }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Spotify_parameters_go_together() =>
        Assert.Throws<ArgumentException>(() => FromContext(new() { [MoodtunesSettings.SpotifyClientIdParameterKey] = "/id" }));

    [Fact]
    public void A_web_acl_is_made_or_attached_not_both() =>
        Assert.Throws<ArgumentException>(() => FromContext(new()
        {
            [MoodtunesSettings.WafRateLimitKey] = "1000",
            [MoodtunesSettings.WebAclArnKey] = "arn:aws:wafv2:us-east-1:111122223333:global/webacl/x/y",
        }));

    [Fact]
    public void Limits_come_from_context_as_text_or_numbers()
    {
        var settings = FromContext(new() { [MoodtunesSettings.AnalyzeConcurrencyKey] = 4, [MoodtunesSettings.ApiBurstLimitKey] = "7" });
        Assert.Equal(4, settings.AnalyzeConcurrency);
        Assert.Equal(7, settings.ApiBurstLimit);
        Assert.Null(settings.WafRateLimit);
    }

    [Fact]
    public void By_default_nothing_is_reserved_and_the_documented_adapter_layer_is_used()
    {
        var settings = FromContext([]);
        Assert.Null(settings.AnalyzeConcurrency);
        Assert.Equal(LambdaArchitecture.DefaultAdapterLayerVersion, settings.AdapterLayerVersion);
    }

    private static MoodtunesSettings FromContext(Dictionary<string, object> context) =>
        MoodtunesSettings.FromContext(new App(new AppProps { Context = context }).Node);
}
