using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;

namespace Moodtunes.Vision.Tests;

/// <summary>Vision:EmotionModelFile picks the emotion model a deployment runs (the old one stays selectable); crop and retry settings serve eval sweeps.</summary>
public sealed class VisionServiceCollectionExtensionsTests
{
    [Fact]
    public void Without_a_setting_the_pipeline_runs_the_default_emotion_model()
    {
        using var pipeline = new VisionPipeline(VisionServiceCollectionExtensions.OptionsFrom(Configuration()));

        Assert.EndsWith(new VisionOptions().EmotionModelFile, pipeline.Classifier.ModelPath, StringComparison.Ordinal);
    }

    [Fact]
    public void The_setting_selects_mini_xception_and_it_still_reads_the_smiling_astronaut_as_happy()
    {
        var file = Path.Combine("emotion", "mini_xception_emotion.onnx");
        using var pipeline = new VisionPipeline(VisionServiceCollectionExtensions.OptionsFrom(Configuration(("Vision:EmotionModelFile", file))));

        Assert.EndsWith(file, pipeline.Classifier.ModelPath, StringComparison.Ordinal);
        var face = Assert.Single(pipeline.Analyze(TestPhotos.Read(TestPhotos.Astronaut)).Faces);
        Assert.Equal(Emotion.Happy, face.Emotions.Top);
    }

    [Fact]
    public void A_setting_naming_a_missing_model_fails_at_start_with_the_path()
    {
        var options = VisionServiceCollectionExtensions.OptionsFrom(Configuration(("Vision:EmotionModelFile", "emotion/missing.onnx")));

        var error = Assert.Throws<FileNotFoundException>(() => new VisionPipeline(options));
        Assert.EndsWith("missing.onnx", error.FileName, StringComparison.Ordinal);
    }

    [Fact]
    public void Crop_and_retry_settings_override_the_measured_defaults_and_unset_ones_keep_them()
    {
        var options = VisionServiceCollectionExtensions.OptionsFrom(Configuration(
            ("Vision:Crop:Scale", "1.4"), ("Vision:Crop:AverageMirrored", "true"), ("Vision:Detection:PaddedRetryBorder", "0")));

        Assert.Equal(new VisionOptions().Crop with { Scale = 1.4f, AverageMirrored = true }, options.Crop);
        Assert.Equal(new VisionOptions().Detection with { PaddedRetryBorder = 0 }, options.Detection);
    }

    [Fact]
    public void Second_opinion_settings_override_its_defaults_and_an_empty_model_turns_it_off()
    {
        var options = VisionServiceCollectionExtensions.OptionsFrom(Configuration(
            ("Vision:SecondOpinion:ModelFile", string.Empty), ("Vision:SecondOpinion:Weight", "0.7"), ("Vision:SecondOpinion:Crop:Scale", "1.5")));

        var defaults = new VisionOptions().SecondOpinion;
        Assert.Equal(defaults with { ModelFile = string.Empty, Weight = 0.7f, Crop = defaults.Crop with { Scale = 1.5f } }, options.SecondOpinion);
        using var pipeline = new VisionPipeline(options);
        Assert.Null(pipeline.Classifier.SecondOpinionPath);
    }

    [Fact]
    public void Every_key_of_the_section_is_bound_not_only_the_ones_eval_sweeps()
    {
        var options = VisionServiceCollectionExtensions.OptionsFrom(Configuration(
            ("Vision:IntraOpThreads", "2"), ("Vision:Loading:MaxJpegScans", "16"), ("Vision:Detection:ScoreThreshold", "0.8"),
            ("Vision:Crop:ShiftDown", "-0.2")));

        Assert.Equal(2, options.IntraOpThreads);
        Assert.Equal(16, options.Loading.MaxJpegScans);
        Assert.Equal(0.8f, options.Detection.ScoreThreshold);
        Assert.Equal(-0.2f, options.Crop.ShiftDown);
    }

    [Theory]
    [InlineData("Vision:SecondOpinion:Weight", "1.5")]
    [InlineData("Vision:Crop:Scale", "0")]
    [InlineData("Vision:EmotionModelFile", " ")]
    [InlineData("Vision:IntraOpThreads", "0")]
    [InlineData("Vision:Loading:MaxWorkingLongSide", "100")]
    [InlineData("Vision:Detection:ScoreThreshold", "2")]
    public void A_bad_value_fails_start_naming_its_key(string key, string value)
    {
        using var services = new ServiceCollection().AddVision(Configuration((key, value))).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_does_not_parse_fails_naming_its_key()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => VisionServiceCollectionExtensions.OptionsFrom(Configuration(("Vision:Crop:Scale", "1,4"))));

        Assert.Contains("Vision:Crop:Scale", failure.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
