using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Storage.Local;

/// <summary>
/// Saved songs in a table of their own in analyses.db, keyed by (DeviceId, CatalogId), so saving twice is one row
/// and every statement names the device. No expiry: the device deletes them.
/// </summary>
public sealed class SqliteSavedSongStore : ISavedSongStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS SavedSongs (
            DeviceId  TEXT NOT NULL,
            CatalogId TEXT NOT NULL,
            SavedAt   TEXT NOT NULL,
            PRIMARY KEY (DeviceId, CatalogId)
        ) WITHOUT ROWID;
        """;

    private readonly SqliteDatabase _database;

    /// <summary>Opens (creating when missing) the database file and its table.</summary>
    public SqliteSavedSongStore(string databasePath) => _database = new SqliteDatabase(databasePath, Schema);

    public async Task<bool> SaveAsync(DeviceId deviceId, SavedSong song, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(song);
        ArgumentException.ThrowIfNullOrEmpty(song.CatalogId);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // OR IGNORE keeps the first save's time when the song is saved again.
        command.CommandText = "INSERT OR IGNORE INTO SavedSongs (DeviceId, CatalogId, SavedAt) VALUES ($deviceId, $catalogId, $savedAt);";
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$catalogId", song.CatalogId);
        command.Parameters.AddWithValue("$savedAt", StorageEncoding.FormatInstant(song.SavedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<SavedSong>> ListAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT CatalogId, SavedAt FROM SavedSongs WHERE DeviceId = $deviceId ORDER BY SavedAt DESC, CatalogId;";
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        var songs = new List<SavedSong>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            songs.Add(new SavedSong(reader.GetString(0), StorageEncoding.ParseInstant(reader.GetString(1))));
        }

        return songs;
    }

    public async Task<bool> DeleteAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM SavedSongs WHERE DeviceId = $deviceId AND CatalogId = $catalogId;";
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$catalogId", catalogId);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await SqliteDatabase.ForgetDeletedAsync(connection, cancellationToken);
        return deleted == 1;
    }

    public async Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM SavedSongs WHERE DeviceId = $deviceId;";
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await SqliteDatabase.ForgetDeletedAsync(connection, cancellationToken);
        return deleted;
    }
}
