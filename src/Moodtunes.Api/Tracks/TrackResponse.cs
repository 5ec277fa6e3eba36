using Moodtunes.Api.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

/// <summary>A track as the page shows it (docs/api.md).</summary>
/// <param name="Why">The line in English and Korean, for pages from before <paramref name="Reason"/>.</param>
/// <param name="Reason">What the "why this song" line says, as codes: the page words it in its language.</param>
public sealed record TrackResponse(
    string Id,
    string Title,
    string Artist,
    TrackLanguage Language,
    string Url,
    string? SpotifyTrackId,
    MessageResponse? Why,
    TrackLinksResponse Links,
    TrackMediaResponse? Media,
    TrackReasonResponse? Reason)
{
    public static IReadOnlyList<TrackResponse> ListOf(IEnumerable<Track> tracks, TrackCatalog catalog) =>
        [.. tracks.Select(track => From(track, catalog))];

    /// <param name="catalog">Where the "why this song" comes from; a song no longer in it goes without one.</param>
    public static TrackResponse From(Track t, TrackCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var entry = catalog.Find(t.Id);
        return new(
            t.Id,
            t.Title,
            t.Artist,
            t.Language,
            t.Url,
            t.SpotifyTrackId,
            entry is null ? null : MessageResponse.From(TrackReasons.For(entry, pickedFor: null)),
            new TrackLinksResponse(SpotifyLinks.Search(t.Title, t.Artist), YouTubeMusicLinks.Search(t.Title, t.Artist)),
            t.Media is { } m
                ? new TrackMediaResponse(m.Provider, m.PageUrl, m.CoverSmall, m.CoverMedium, m.DurationSeconds, m.HasPreview ? ApiRoutes.Preview(t.Id) : null)
                : null,
            entry is null ? null : TrackReasonResponse.From(TrackReasons.Facets(entry, pickedFor: null)));
    }
}

/// <summary>The facets of the "why this song" line (wire names): the page words them.</summary>
public sealed record TrackReasonResponse(SoundEnergy Energy, SoundValence Valence, CatalogLabel? Label)
{
    public static TrackReasonResponse From(TrackFacets facets) => new(facets.Energy, facets.Valence, facets.Label);
}

/// <summary>Searches for the song elsewhere, always valid (no guessed ids).</summary>
public sealed record TrackLinksResponse(string Spotify, string YouTubeMusic);

/// <param name="PreviewUrl">Our own route that redirects to a just-signed preview; null when the provider has none.</param>
public sealed record TrackMediaResponse(
    MusicProvider Provider, string PageUrl, string? CoverSmall, string? CoverMedium, int? DurationSeconds, string? PreviewUrl);

/// <summary>The body of <c>POST /api/analyses/{id}/tracks</c>: wire names, checked by the endpoint.</summary>
/// <param name="Answer">The emotion the person picked when asked how they feel (an unsure reading); null keeps the stored one.</param>
public sealed record TracksRequest(IReadOnlyList<string>? Moods, string? SadnessChoice, bool More, string? Answer = null);

public sealed record TracksResponse(
    IReadOnlyList<Mood> Moods, SadnessChoice? SadnessChoice, IReadOnlyList<TrackResponse> Current, bool Restarted, Emotion? Answer);
