using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// What every host of the API needs once: JSON as docs/api.md describes it (camelCase, wire-named enums),
    /// problem details, OpenAPI and the clock. Features add their own services with their <c>AddX</c>.
    /// </summary>
    public static IServiceCollection AddMoodtunesApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => WireNames.ConfigureJson(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddOpenApi();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>The catalog, the recommender and the track selector, shared by the features that pick tracks.</summary>
    /// <remarks>
    /// The host registers an <see cref="ITrackLinkResolver"/> (Moodtunes.Spotify's AddSpotifyLinks), the media
    /// provider if any (Moodtunes.Deezer's AddDeezerMedia) and storage, which holds the <see cref="ITrackMediaCache"/>.
    /// </remarks>
    internal static IServiceCollection AddRecommendation(this IServiceCollection services)
    {
        services.TryAddSingleton(TrackCatalog.Default);
        services.TryAddSingleton<TrackRecommender>();
        services.TryAddSingleton<TrackMediaEnricher>();
        services.TryAddSingleton<AnalysisTrackSelector>();
        return services;
    }
}
