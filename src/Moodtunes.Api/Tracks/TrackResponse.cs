using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

/// <summary>A track as the page shows it (docs/api.md).</summary>
public sealed record TrackResponse(string Id, string Title, string Artist, TrackLanguage Language, string Url, string? SpotifyTrackId)
{
    public static IReadOnlyList<TrackResponse> ListOf(IEnumerable<Track> tracks) =>
        [.. tracks.Select(t => new TrackResponse(t.Id, t.Title, t.Artist, t.Language, t.Url, t.SpotifyTrackId))];
}

/// <summary>The body of <c>POST /api/analyses/{id}/tracks</c>: wire names, checked by the endpoint.</summary>
public sealed record TracksRequest(IReadOnlyList<string>? Moods, string? SadnessChoice, bool More);

public sealed record TracksResponse(IReadOnlyList<Mood> Moods, SadnessChoice? SadnessChoice, IReadOnlyList<TrackResponse> Current, bool Restarted);
