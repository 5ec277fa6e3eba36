using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Deezer;

public static class DeezerServiceCollectionExtensions
{
    /// <summary>
    /// Registers Deezer as the <see cref="ITrackMediaResolver"/> unless <c>Deezer:Enabled</c> is false
    /// (optionally <c>Deezer:BaseAddress</c> and <c>Deezer:PreviewOrigins:0..n</c>, for a stand-in).
    /// </summary>
    public static IServiceCollection AddDeezerMedia(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(DeezerOptions.SectionName);
        var options = new DeezerOptions
        {
            Enabled = !string.Equals(section["Enabled"], "false", StringComparison.OrdinalIgnoreCase),
            BaseAddress = BaseAddress(section["BaseAddress"]),
            PreviewOrigins = section.GetSection("PreviewOrigins").GetChildren().Select(c => c.Value).OfType<string>().ToList() is { Count: > 0 } origins
                ? origins
                : DeezerOptions.DefaultPreviewOrigins,
        };
        if (!options.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(new PreviewOrigins(options.PreviewOrigins));
        services.AddSingleton(sp => new ProviderBudget(options.RequestBudget, options.BudgetWindow, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new ProviderCircuit(options.FailuresToOpen, options.OpenFor, sp.GetRequiredService<TimeProvider>()));
        services.AddHttpClient<DeezerClient>(http =>
        {
            http.BaseAddress = options.BaseAddress;
            http.Timeout = options.Timeout;
        });
        return services.AddSingleton<ITrackMediaResolver, DeezerTrackMediaResolver>();
    }

    /// <summary>Relative request paths resolve under the base only when it ends with a slash.</summary>
    private static Uri BaseAddress(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DeezerOptions.DefaultBaseAddress;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"Deezer base address '{configured}' is not an absolute URI.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
