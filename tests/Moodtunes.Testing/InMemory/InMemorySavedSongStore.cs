using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Testing.InMemory;

/// <summary>An <see cref="ISavedSongStore"/> in a dictionary; the storage contract tests run against it too.</summary>
public sealed class InMemorySavedSongStore : ISavedSongStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<DeviceId, Dictionary<string, SavedSong>> _songs = [];

    public Task<bool> SaveAsync(DeviceId deviceId, SavedSong song, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(song);
        ArgumentException.ThrowIfNullOrEmpty(song.CatalogId);
        lock (_lock)
        {
            // A song saved again keeps its first save time.
            return Task.FromResult(SongsOf(deviceId).TryAdd(song.CatalogId, song));
        }
    }

    public Task<IReadOnlyList<SavedSong>> ListAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<SavedSong> songs =
                [.. SongsOf(deviceId).Values.OrderByDescending(s => s.SavedAt).ThenBy(s => s.CatalogId, StringComparer.Ordinal)];
            return Task.FromResult(songs);
        }
    }

    public Task<bool> DeleteAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(SongsOf(deviceId).Remove(catalogId));
        }
    }

    public Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var count = SongsOf(deviceId).Count;
            _songs.Remove(deviceId);
            return Task.FromResult(count);
        }
    }

    private Dictionary<string, SavedSong> SongsOf(DeviceId deviceId)
    {
        if (!_songs.TryGetValue(deviceId, out var songs))
        {
            songs = new Dictionary<string, SavedSong>(StringComparer.Ordinal);
            _songs[deviceId] = songs;
        }

        return songs;
    }
}
