namespace Moodtunes.Core.Recommendation;

/// <summary>
/// Turns a catalog track's search link into a direct track link where it can (Spotify when configured).
/// Implementations never throw for lookup failures: the track keeps its search link.
/// </summary>
public interface ITrackLinkResolver
{
    Task<Track> ResolveAsync(Track track, CancellationToken cancellationToken);
}

/// <summary>The offline default: tracks keep the links the catalog gives them.</summary>
public sealed class PassThroughTrackLinkResolver : ITrackLinkResolver
{
    public Task<Track> ResolveAsync(Track track, CancellationToken cancellationToken) => Task.FromResult(track);
}

public static class TrackLinkResolverExtensions
{
    /// <summary>Resolves a list concurrently, keeping its order.</summary>
    public static async Task<IReadOnlyList<Track>> ResolveAllAsync(
        this ITrackLinkResolver resolver, IEnumerable<Track> tracks, CancellationToken cancellationToken) =>
        await Task.WhenAll(tracks.Select(track => resolver.ResolveAsync(track, cancellationToken))).ConfigureAwait(false);
}
