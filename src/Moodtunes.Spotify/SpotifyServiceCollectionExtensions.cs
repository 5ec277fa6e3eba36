using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify;

public static class SpotifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITrackLinkResolver"/>: the Spotify resolver when <c>Spotify:ClientId</c> and
    /// <c>Spotify:ClientSecret</c> are set, otherwise the pass-through that keeps the catalog's search links. Every key
    /// of <see cref="SpotifyOptions"/> is bound and validated (a bad value names its key), but when the resolver is
    /// first needed, not at start: binding reads the credentials, which may come from a secret store that start-up
    /// must not wait on (<c>AddParameterStoreSecrets</c>; SnapStart); if they cannot be read, that request fails with
    /// the store's error.
    /// </summary>
    public static IServiceCollection AddSpotifyLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SpotifyOptions>().Bind(configuration.GetSection(SpotifyOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SpotifyOptions>, SpotifyOptionsValidator>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<SpotifyOptions>>().Value);
        services.TryAddSingleton(TimeProvider.System);
        AddClient(SpotifyClient.AccountsClientName, options => options.AccountsBaseAddress);
        AddClient(SpotifyClient.ApiClientName, options => options.ApiBaseAddress);
        services.AddSingleton<SpotifyClient>();
        services.AddSingleton<SpotifyTrackLinkResolver>();
        return services.AddSingleton<ITrackLinkResolver>(provider =>
            provider.GetRequiredService<SpotifyOptions>().HasCredentials
                ? provider.GetRequiredService<SpotifyTrackLinkResolver>()
                : new PassThroughTrackLinkResolver());

        void AddClient(string name, Func<SpotifyOptions, Uri> address) =>
            services.AddHttpClient(name, (provider, http) =>
            {
                var options = provider.GetRequiredService<SpotifyOptions>();
                http.BaseAddress = ProviderAddress.AsBase(address(options));
                http.Timeout = options.Timeout;
            });
    }
}
