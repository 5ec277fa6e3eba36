using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Deezer;

public static class DeezerServiceCollectionExtensions
{
    /// <summary>
    /// Registers Deezer as the <see cref="ITrackMediaResolver"/> unless <c>Deezer:Enabled</c> is false. Every key of
    /// <see cref="DeezerOptions"/> is bound from the section and validated at start: a bad value fails start with a
    /// message naming its key (or, without a host, the first resolve).
    /// </summary>
    public static IServiceCollection AddDeezerMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DeezerOptions.SectionName);

        // Read here, not bound: it decides what is registered.
        if (!section.GetValue(nameof(DeezerOptions.Enabled), defaultValue: true))
        {
            return services;
        }

        services.AddOptions<DeezerOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeezerOptions>, DeezerOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PreviewOrigins(Options(sp).AllowedPreviewOrigins));
        services.AddSingleton(sp => new ProviderBudget(Options(sp).RequestBudget, Options(sp).BudgetWindow, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ProviderCircuit(Options(sp).FailuresToOpen, Options(sp).OpenFor, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<DeezerClient>((sp, http) =>
        {
            http.BaseAddress = ProviderAddress.AsBase(Options(sp).BaseAddress);
            http.Timeout = Options(sp).Timeout;
        });
        return services.AddSingleton<ITrackMediaResolver, DeezerTrackMediaResolver>();
    }

    private static DeezerOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DeezerOptions>>().Value;
}
