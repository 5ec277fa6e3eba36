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

/// <summary>
/// A fresh preview URL of a catalog track when it is played: the stored media never hold one, as they expire. A GET,
/// so it stores nothing (<see cref="TrackMediaEnricher.PreviewUrlAsync"/>).
/// </summary>
public sealed class TrackPreviewService(TrackCatalog catalog, TrackMediaEnricher media)
{
    public async Task<PreviewOutcome> FreshAsync(string catalogId, CancellationToken cancellationToken)
    {
        if (catalog.Find(catalogId) is not { } entry)
        {
            return new PreviewOutcome.None();
        }

        try
        {
            // With no provider there is no preview to play; that is not an outage.
            return await media.PreviewUrlAsync(entry.Track, cancellationToken).ConfigureAwait(false) is { } url
                ? new PreviewOutcome.Found(url)
                : new PreviewOutcome.None();
        }
        catch (TrackProviderException)
        {
            return new PreviewOutcome.ProviderUnavailable();
        }
    }
}
