using Moodtunes.Core.Analyses;

namespace Moodtunes.Core.SavedSongs;

/// <summary>A catalog song a device keeps (the ♥ on a track), since <see cref="SavedAt"/>.</summary>
/// <param name="CatalogId">The catalog track's id; the song itself is read from the catalog, so it is never stored twice.</param>
public sealed record SavedSong(string CatalogId, DateTimeOffset SavedAt);

/// <summary>What a device may keep.</summary>
public static class SavedSongLimits
{
    /// <summary>Enough for a long playlist, small enough that the list is one read and one answer, unpaged.</summary>
    public const int MaxPerDevice = 200;
}

/// <summary>
/// Where each device's saved songs live (SQLite locally, DynamoDB on AWS), scoped to the device like analyses.
/// Saved songs do not expire: the device deletes them.
/// </summary>
public interface ISavedSongStore
{
    /// <summary>Keeps a song; saving one already kept changes nothing (it keeps its first <see cref="SavedSong.SavedAt"/>) and returns false.</summary>
    Task<bool> SaveAsync(DeviceId deviceId, SavedSong song, CancellationToken cancellationToken);

    /// <summary>Every saved song of the device, newest first.</summary>
    Task<IReadOnlyList<SavedSong>> ListAsync(DeviceId deviceId, CancellationToken cancellationToken);

    /// <summary>Forgets one song; false when it was not saved.</summary>
    Task<bool> DeleteAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken);

    /// <summary>Forgets every song of the device and returns how many there were.</summary>
    Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken);
}
