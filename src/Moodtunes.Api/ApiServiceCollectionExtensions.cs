using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// What every host of the API needs once: JSON as docs/api.md describes it (camelCase, wire-named enums),
    /// problem details, OpenAPI, the clock and the catalog (every response that lists songs reads it). Features add
    /// their own services with their <c>AddX</c>.
    /// </summary>
    public static IServiceCollection AddMoodtunesApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => WireNames.ConfigureJson(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.TryAddSingleton(TimeProvider.System);
        return services.AddTrackCatalog();
    }

    /// <summary>Picking songs (<see cref="TrackPicker"/> and what it draws on), shared by the features that pick or play them.</summary>
    /// <remarks>
    /// The host registers an <see cref="ITrackLinkResolver"/> (Moodtunes.Spotify's AddSpotifyLinks), the media
    /// provider if any (Moodtunes.Deezer's AddDeezerMedia) and storage, which holds the <see cref="ITrackMediaCache"/>.
    /// </remarks>
    internal static IServiceCollection AddRecommendation(this IServiceCollection services)
    {
        services.AddTrackCatalog();
        services.TryAddSingleton<TrackRecommender>();
        services.TryAddSingleton<TrackMediaEnricher>();
        services.TryAddSingleton<TrackPicker>();
        return services;
    }

    /// <summary>The shipped catalog, loaded when first used; a test may register another first.</summary>
    private static IServiceCollection AddTrackCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => TrackCatalog.Default);
        return services;
    }
}
