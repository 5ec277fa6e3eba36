using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;

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
    /// under models/, e.g. <c>emotion/mini_xception_emotion.onnx</c>; unset keeps the default.
    /// </summary>
    public static VisionOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var emotionModel = configuration["Vision:EmotionModelFile"];
        return string.IsNullOrWhiteSpace(emotionModel) ? new VisionOptions() : new VisionOptions { EmotionModelFile = emotionModel };
    }
}
