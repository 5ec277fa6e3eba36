using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify;

/// <summary>
/// Finds a catalog track on Spotify by title and artist and links to it directly. A track stays on its
/// search link when no result matches or Spotify cannot be reached; answers (match or no match) are cached
/// for the process, failures are not, so a later call tries again.
/// </summary>
public sealed partial class SpotifyTrackLinkResolver(SpotifyClient client, ILogger<SpotifyTrackLinkResolver> logger) : ITrackLinkResolver
{
    private const int SearchLimit = 5;

    private static readonly string[] SameRecordingSuffixes = [" (feat. ", " (with ", " - remaster", " - from "];

    private readonly ConcurrentDictionary<string, Track> _resolved = new(StringComparer.Ordinal);

    public async Task<Track> ResolveAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (track.SpotifyTrackId is not null)
        {
            return track;
        }

        if (_resolved.TryGetValue(track.Id, out var cached))
        {
            return cached;
        }

        IReadOnlyList<SpotifyTrack> results;
        try
        {
            results = await client.SearchTracksAsync(track.Title, track.Artist, SearchLimit, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogLookupFailed(logger, e, track.Id);
            return track;
        }

        var match = results.FirstOrDefault(candidate => Matches(candidate, track, exactTitle: true))
            ?? results.FirstOrDefault(candidate => Matches(candidate, track, exactTitle: false));
        var resolved = match is null ? track : track with { SpotifyTrackId = match.Id, Url = SpotifyLinks.Track(match.Id) };
        _resolved[track.Id] = resolved;
        return resolved;
    }

    /// <summary>
    /// Same artist and same title, ignoring case. Unless <paramref name="exactTitle"/>, Spotify's title may add
    /// a suffix that still names the same recording ("(feat. …)", "(with …)", "- Remastered …", "- From …");
    /// other suffixes (versions, remixes, live takes) do not match.
    /// </summary>
    public static bool Matches(SpotifyTrack candidate, Track track, bool exactTitle)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(track);
        var name = candidate.Name.Trim();
        var title = track.Title.Trim();
        var sameTitle = string.Equals(name, title, StringComparison.OrdinalIgnoreCase) ||
            (!exactTitle && name.StartsWith(title, StringComparison.OrdinalIgnoreCase) &&
             SameRecordingSuffixes.Any(suffix => name[title.Length..].StartsWith(suffix, StringComparison.OrdinalIgnoreCase)));
        return sameTitle && candidate.Artists.Any(a => string.Equals(a.Name.Trim(), track.Artist.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spotify lookup for catalog track {TrackId} failed; keeping its search link.")]
    private static partial void LogLookupFailed(ILogger logger, Exception exception, string trackId);
}
