namespace Moodtunes.Core.Recommendation;

/// <summary>Where a catalog track's media come from (the attribution the page shows).</summary>
public enum MusicProvider
{
    Deezer,
}

/// <summary>
/// A provider's track for one catalog entry. Never its preview URL: those are signed and expire, so the page
/// asks for a fresh one when it plays (<see cref="ITrackMediaResolver.PreviewUrlAsync"/>).
/// </summary>
/// <param name="PageUrl">The provider's page of the track.</param>
/// <param name="HasPreview">Whether the provider had a 30-second preview when the track was resolved.</param>
public sealed record TrackMedia(
    MusicProvider Provider,
    string ProviderTrackId,
    string PageUrl,
    string? CoverSmall,
    string? CoverMedium,
    int? DurationSeconds,
    bool HasPreview);

/// <summary>A cached resolution: the track, or a known miss (<see cref="Media"/> null), until <see cref="ExpiresAt"/>.</summary>
public sealed record CachedTrackMedia(TrackMedia? Media, DateTimeOffset ExpiresAt);

/// <summary>Finds catalog tracks at a music provider (Deezer's public API by default).</summary>
public interface ITrackMediaResolver
{
    MusicProvider Provider { get; }

    /// <summary>The provider's track, or null when it has no confident match (a weak match is refused, not played).</summary>
    /// <exception cref="TrackProviderException">The provider could not be asked: down, throttling, a malformed answer.</exception>
    Task<TrackMedia?> FindAsync(Track track, CancellationToken cancellationToken);

    /// <summary>A just-fetched preview URL of the track, or null when it has none.</summary>
    /// <exception cref="TrackProviderException">The provider could not be asked.</exception>
    Task<Uri?> PreviewUrlAsync(string providerTrackId, CancellationToken cancellationToken);
}

public sealed class TrackProviderException(string message, Exception? innerException = null) : Exception(message, innerException);

/// <summary>
/// Resolutions kept in our own storage (SQLite locally, DynamoDB on AWS), keyed by catalog id, so a track is
/// looked up at the provider once, not per analysis. Expired entries read as absent.
/// </summary>
public interface ITrackMediaCache
{
    /// <summary>The unexpired entries among <paramref name="catalogIds"/>; ids without one are missing from the result.</summary>
    Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the entry of a catalog id.</summary>
    Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken);
}
