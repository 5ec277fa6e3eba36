using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Deezer;

/// <summary>
/// Finds catalog tracks on Deezer by title and artist, and hands out fresh preview URLs. Preview URLs are signed
/// and expire (<c>hdnea=exp=…</c>, about 15 minutes), so they are kept in memory only, until shortly before then.
/// </summary>
internal sealed partial class DeezerTrackMediaResolver(DeezerClient client, PreviewOrigins previewOrigins, TimeProvider clock) : ITrackMediaResolver
{
    /// <summary>A preview URL is handed out only while it has at least this long to live: a 30-second clip, with room to start.</summary>
    private static readonly TimeSpan PreviewMargin = TimeSpan.FromMinutes(2);

    /// <summary>Used when a URL carries no expiry of its own.</summary>
    private static readonly TimeSpan PreviewFallbackLifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, (Uri Url, DateTimeOffset UseUntil)> _previews = new(StringComparer.Ordinal);

    /// <summary>One fetch per track at a time: a burst of plays of one song asks the provider once.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<Uri?>>> _fetches = new(StringComparer.Ordinal);

    public MusicProvider Provider => MusicProvider.Deezer;

    public async Task<TrackMedia?> FindAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        var results = await client.SearchAsync(track.Title, track.Artist, cancellationToken).ConfigureAwait(false);
        var match = results.FirstOrDefault(r => TrackMatch.Matches(track.Title, track.Artist, r.Title, r.Artist?.Name));
        if (match is null || !Uri.TryCreate(match.Link, UriKind.Absolute, out var page) || page.Scheme != Uri.UriSchemeHttps)
        {
            return null;
        }

        var id = match.Id.ToString(CultureInfo.InvariantCulture);
        var preview = PreviewUri(match.Preview);
        if (preview is not null)
        {
            Remember(id, preview);
        }

        return new TrackMedia(
            MusicProvider.Deezer,
            id,
            page.AbsoluteUri,
            HttpsOrNull(match.Album?.CoverSmall),
            HttpsOrNull(match.Album?.CoverMedium),
            match.Duration,
            HasPreview: preview is not null);
    }

    public Task<Uri?> PreviewUrlAsync(string providerTrackId, CancellationToken cancellationToken)
    {
        if (_previews.TryGetValue(providerTrackId, out var cached) && clock.GetUtcNow() < cached.UseUntil)
        {
            return Task.FromResult<Uri?>(cached.Url);
        }

        return _fetches.GetOrAdd(providerTrackId, id => new Lazy<Task<Uri?>>(() => FetchPreviewAsync(id))).Value.WaitAsync(cancellationToken);
    }

    /// <summary>Shared by every caller waiting for the same track, so it runs on the client's own timeout, not a caller's token.</summary>
    private async Task<Uri?> FetchPreviewAsync(string providerTrackId)
    {
        try
        {
            var track = await client.GetTrackAsync(providerTrackId, CancellationToken.None).ConfigureAwait(false);
            if (PreviewUri(track?.Preview) is not { } preview)
            {
                return null;
            }

            Remember(providerTrackId, preview);
            return preview;
        }
        finally
        {
            _fetches.TryRemove(providerTrackId, out _);
        }
    }

    private void Remember(string id, Uri preview)
    {
        var expires = ExpiryOf(preview) ?? clock.GetUtcNow() + PreviewFallbackLifetime;
        _previews[id] = (preview, expires - PreviewMargin);
    }

    /// <summary>The <c>exp=</c> epoch seconds inside the signed <c>hdnea</c> parameter, when there is one.</summary>
    private static DateTimeOffset? ExpiryOf(Uri preview) =>
        Expiry().Match(Uri.UnescapeDataString(preview.Query)) is { Success: true } m &&
        long.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private Uri? PreviewUri(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && previewOrigins.Allows(uri) ? uri : null;

    private static string? HttpsOrNull(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri.AbsoluteUri : null;

    [GeneratedRegex(@"exp=(\d+)")]
    private static partial Regex Expiry();
}
