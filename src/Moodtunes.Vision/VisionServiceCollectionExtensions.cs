using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Vision;

public static class VisionServiceCollectionExtensions
{
    /// <summary>
    /// One <see cref="VisionPipeline"/> for the process (models load once) behind <see cref="IPhotoReader"/>, with
    /// <see cref="VisionOptions"/> bound from the "Vision" section (env <c>Vision__EmotionModelFile</c> …) and
    /// validated at start: a bad value fails start naming its key.
    /// </summary>
    public static IServiceCollection AddVision(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<VisionOptions>().Bind(configuration.GetSection(VisionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VisionOptions>, VisionOptionsValidator>());
        services.AddSingleton(sp => new VisionPipeline(sp.GetRequiredService<IOptions<VisionOptions>>().Value));
        return services.AddSingleton<IPhotoReader, VisionPhotoReader>();
    }

    /// <summary>The same options without a container (the CLI's <c>eval</c> sweeps set <c>Vision__Crop__Scale</c> and the like).</summary>
    /// <exception cref="OptionsValidationException">A value breaks a rule; the message names its key.</exception>
    public static VisionOptions OptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new VisionOptions();
        configuration.GetSection(VisionOptions.SectionName).Bind(options);
        var result = new VisionOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(VisionOptions), result.Failures) : options;
    }
}
