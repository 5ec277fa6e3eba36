namespace Moodtunes.Core.Recommendation;

/// <summary>A catalog track as offered to the user.</summary>
/// <param name="Id">Our stable catalog id (a slug), unique in the catalog.</param>
/// <param name="Url">Where it plays: the Spotify track page when the id is known, else a search link.</param>
/// <param name="SpotifyTrackId">The Spotify track id, only when checked; null otherwise.</param>
public sealed record Track(string Id, string Title, string Artist, TrackLanguage Language, string Url, string? SpotifyTrackId)
{
    /// <summary>Cover art, the provider's page and whether a preview plays; null until resolved (offline: always).</summary>
    public TrackMedia? Media { get; init; }
}

/// <summary>The language a song is sung in (the catalog mixes Korean and English songs).</summary>
public enum TrackLanguage
{
    Ko,
    En,
}
