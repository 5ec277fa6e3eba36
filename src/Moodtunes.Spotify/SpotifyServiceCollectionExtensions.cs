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
    /// otherwise the pass-through that keeps the catalog's search links.
    /// </summary>
    public static IServiceCollection AddSpotifyLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SpotifyOptions.SectionName);
        var clientId = section["ClientId"];
        var clientSecret = section["ClientSecret"];
        if (string.IsNullOrWhiteSpace(clientId) || string.IsNullOrWhiteSpace(clientSecret))
        {
            return services.AddSingleton<ITrackLinkResolver, PassThroughTrackLinkResolver>();
        }

        var options = new SpotifyOptions
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            AccountsBaseAddress = BaseAddress(section["AccountsBaseAddress"], SpotifyOptions.DefaultAccountsBaseAddress),
            ApiBaseAddress = BaseAddress(section["ApiBaseAddress"], SpotifyOptions.DefaultApiBaseAddress),
        };
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SpotifyClient.AccountsClientName, http =>
        {
            http.BaseAddress = options.AccountsBaseAddress;
            http.Timeout = options.Timeout;
        });
        services.AddHttpClient(SpotifyClient.ApiClientName, http =>
        {
            http.BaseAddress = options.ApiBaseAddress;
            http.Timeout = options.Timeout;
        });
        services.AddSingleton<SpotifyClient>();
        return services.AddSingleton<ITrackLinkResolver, SpotifyTrackLinkResolver>();
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
