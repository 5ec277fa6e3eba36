using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Api.SavedSongs;

/// <summary>A saved song with the catalog's track.</summary>
public sealed record SavedTrack(Track Track, DateTimeOffset SavedAt);

public abstract record SaveOutcome
{
    private SaveOutcome()
    {
    }

    /// <param name="IsNew">False when the song was already saved (it keeps its first save time).</param>
    public sealed record Saved(SavedTrack Song, bool IsNew) : SaveOutcome;

    /// <summary>Not a catalog id: only our own songs can be saved.</summary>
    public sealed record UnknownTrack : SaveOutcome;

    /// <summary>The device keeps <see cref="SavedSongLimits.MaxPerDevice"/> songs already.</summary>
    public sealed record Full : SaveOutcome;
}

/// <summary>The caller's device's saved songs: keep, list, forget one or all.</summary>
public sealed class SavedSongService(ISavedSongStore store, TrackCatalog catalog, TimeProvider clock)
{
    public async Task<SaveOutcome> SaveAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken)
    {
        if (catalog.Find(catalogId) is not { } entry)
        {
            return new SaveOutcome.UnknownTrack();
        }

        // Count, then write: two saves racing at the limit may both land (one song over, accepted; docs/api.md).
        var saved = await store.ListAsync(deviceId, cancellationToken).ConfigureAwait(false);
        if (saved.FirstOrDefault(s => s.CatalogId == catalogId) is { } existing)
        {
            return new SaveOutcome.Saved(new SavedTrack(entry.Track, existing.SavedAt), IsNew: false);
        }

        if (saved.Count >= SavedSongLimits.MaxPerDevice)
        {
            return new SaveOutcome.Full();
        }

        var song = new SavedSong(catalogId, clock.GetUtcNow());
        var isNew = await store.SaveAsync(deviceId, song, cancellationToken).ConfigureAwait(false);
        return new SaveOutcome.Saved(new SavedTrack(entry.Track, song.SavedAt), isNew);
    }

    /// <summary>Newest first; a song no longer in the catalog is left out.</summary>
    public async Task<IReadOnlyList<SavedTrack>> ListAsync(DeviceId deviceId, CancellationToken cancellationToken) =>
        [
            .. (await store.ListAsync(deviceId, cancellationToken).ConfigureAwait(false))
                .Select(s => catalog.Find(s.CatalogId) is { } entry ? new SavedTrack(entry.Track, s.SavedAt) : null)
                .OfType<SavedTrack>(),
        ];

    public Task<bool> DeleteAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken) =>
        store.DeleteAsync(deviceId, catalogId, cancellationToken);

    public Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken) => store.DeleteAllAsync(deviceId, cancellationToken);
}
