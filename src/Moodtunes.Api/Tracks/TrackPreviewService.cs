using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

public abstract record PreviewOutcome
{
    private PreviewOutcome()
    {
    }

    public sealed record Found(Uri Url) : PreviewOutcome;

    /// <summary>Not a catalog track, or the provider has no preview of it.</summary>
    public sealed record None : PreviewOutcome;

    public sealed record ProviderUnavailable : PreviewOutcome;
}

/// <summary>A fresh preview URL of a catalog track when it is played: the stored media never hold one, as they expire.</summary>
public sealed class TrackPreviewService(TrackCatalog catalog, TrackMediaEnricher media, IEnumerable<ITrackMediaResolver> resolvers)
{
    public async Task<PreviewOutcome> FreshAsync(string catalogId, CancellationToken cancellationToken)
    {
        // With no provider there is no preview to play; that is not an outage.
        if (catalog.Find(catalogId) is not { } entry || !media.HasProvider)
        {
            return new PreviewOutcome.None();
        }

        try
        {
            var found = await media.MediaOfAsync(entry.Track, cancellationToken).ConfigureAwait(false);
            var resolver = resolvers.FirstOrDefault(r => r.Provider == found?.Provider);
            return found is { HasPreview: true } && resolver is not null &&
                   await resolver.PreviewUrlAsync(found.ProviderTrackId, cancellationToken).ConfigureAwait(false) is { } url
                ? new PreviewOutcome.Found(url)
                : new PreviewOutcome.None();
        }
        catch (TrackProviderException)
        {
            return new PreviewOutcome.ProviderUnavailable();
        }
    }
}
