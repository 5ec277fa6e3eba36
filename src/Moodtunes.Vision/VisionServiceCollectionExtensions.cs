using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Vision.EmotionRecognition;

namespace Moodtunes.Vision;

public static class VisionServiceCollectionExtensions
{
    /// <summary>One <see cref="VisionPipeline"/> for the process (models load once) behind <see cref="IPhotoReader"/>.</summary>
    public static IServiceCollection AddVision(this IServiceCollection services, IConfiguration configuration)
    {
        var options = OptionsFrom(configuration);
        services.AddSingleton(_ => new VisionPipeline(options));
        return services.AddSingleton<IPhotoReader, VisionPhotoReader>();
    }

    /// <summary>
    /// <c>Vision:EmotionModelFile</c> (env <c>Vision__EmotionModelFile</c>) picks another emotion model
    /// under models/, e.g. <c>emotion/mini_xception_emotion.onnx</c>; <c>Vision:Crop:Scale</c>,
    /// <c>Vision:Crop:ShiftDown</c>, <c>Vision:Crop:AverageMirrored</c> and
    /// <c>Vision:Detection:PaddedRetryBorder</c> override the measured defaults (for <c>eval</c> sweeps), and
    /// <c>Vision:SecondOpinion:ModelFile</c> (empty: off), <c>:Weight</c>, <c>:Crop:Scale</c>, <c>:Crop:ShiftDown</c>
    /// and <c>:Crop:AverageMirrored</c> those of the second opinion.
    /// Unset keys keep the defaults.
    /// </summary>
    public static VisionOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = new VisionOptions();
        float Number(string key, float otherwise) =>
            configuration[key] is { Length: > 0 } value ? float.Parse(value, CultureInfo.InvariantCulture) : otherwise;
        FaceCropOptions Crop(string section, FaceCropOptions crop) => new()
        {
            Scale = Number($"{section}:Scale", crop.Scale),
            ShiftDown = Number($"{section}:ShiftDown", crop.ShiftDown),
            AverageMirrored = configuration[$"{section}:AverageMirrored"] is { Length: > 0 } mirrored ? bool.Parse(mirrored) : crop.AverageMirrored,
        };
        var second = defaults.SecondOpinion;
        return defaults with
        {
            EmotionModelFile = configuration["Vision:EmotionModelFile"] is { } model && !string.IsNullOrWhiteSpace(model) ? model : defaults.EmotionModelFile,
            Crop = Crop("Vision:Crop", defaults.Crop),
            SecondOpinion = second with
            {
                ModelFile = configuration["Vision:SecondOpinion:ModelFile"] ?? second.ModelFile,
                Weight = Number("Vision:SecondOpinion:Weight", second.Weight),
                Crop = Crop("Vision:SecondOpinion:Crop", second.Crop),
            },
            Detection = defaults.Detection with { PaddedRetryBorder = Number("Vision:Detection:PaddedRetryBorder", defaults.Detection.PaddedRetryBorder) },
        };
    }
}
