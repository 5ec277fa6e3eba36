using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify;

public static class SpotifyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ITrackLinkResolver"/>: the Spotify resolver when <c>Spotify:ClientId</c> and
    /// <c>Spotify:ClientSecret</c> are set (optionally <c>Spotify:AccountsBaseAddress</c>, <c>Spotify:ApiBaseAddress</c>),
    /// otherwise the pass-through that keeps the catalog's search links. The credentials are read when the resolver is
    /// first needed, not here: they may come from a secret store that start-up must not wait on
    /// (<c>AddParameterStoreSecrets</c>); if they cannot be read, that request fails with the store's error.
    /// </summary>
    public static IServiceCollection AddSpotifyLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SpotifyOptions.SectionName);
        services.AddSingleton(_ => new SpotifyOptions
        {
            ClientId = section["ClientId"]!,
            ClientSecret = section["ClientSecret"]!,
            AccountsBaseAddress = BaseAddress(section["AccountsBaseAddress"], SpotifyOptions.DefaultAccountsBaseAddress),
            ApiBaseAddress = BaseAddress(section["ApiBaseAddress"], SpotifyOptions.DefaultApiBaseAddress),
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SpotifyClient.AccountsClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<SpotifyOptions>();
            http.BaseAddress = options.AccountsBaseAddress;
            http.Timeout = options.Timeout;
        });
        services.AddHttpClient(SpotifyClient.ApiClientName, (provider, http) =>
        {
            var options = provider.GetRequiredService<SpotifyOptions>();
            http.BaseAddress = options.ApiBaseAddress;
            http.Timeout = options.Timeout;
        });
        services.AddSingleton<SpotifyClient>();
        services.AddSingleton<SpotifyTrackLinkResolver>();
        return services.AddSingleton<ITrackLinkResolver>(provider =>
            string.IsNullOrWhiteSpace(section["ClientId"]) || string.IsNullOrWhiteSpace(section["ClientSecret"])
                ? new PassThroughTrackLinkResolver()
                : provider.GetRequiredService<SpotifyTrackLinkResolver>());
    }

    /// <summary>Relative request paths resolve under the base only when it ends with a slash.</summary>
    private static Uri BaseAddress(string? configured, Uri fallback)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return fallback;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            throw new InvalidOperationException($"Spotify base address '{configured}' is not an absolute URI.");
        }

        return uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");
    }
}
