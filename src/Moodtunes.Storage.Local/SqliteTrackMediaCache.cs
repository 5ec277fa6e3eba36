using System.Text.Json;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage.Local;

/// <summary>
/// Track media in a table of its own, keyed by catalog id, in the same file as the analyses (one file to keep
/// or delete per install). Expired rows are filtered on read and swept on write, as SQLite has no TTL.
/// </summary>
public sealed class SqliteTrackMediaCache : ITrackMediaCache
{
    // No index on ExpiresAt: the table holds at most one row per catalog track, so the sweep's scan is cheap.
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS TrackMedia (
            CatalogId TEXT    PRIMARY KEY,
            Media     TEXT    NULL,
            ExpiresAt INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating when missing) the database file and its table.</summary>
    public SqliteTrackMediaCache(string databasePath, TimeProvider timeProvider)
    {
        _database = new SqliteDatabase(databasePath, Schema);
        _time = timeProvider;
    }

    public async Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(
        IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogIds);
        var found = new Dictionary<string, CachedTrackMedia>(StringComparer.Ordinal);
        if (catalogIds.Count == 0)
        {
            return found;
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // The ids travel as one JSON array, so any number of them fits in one statement (no variable limit).
        command.CommandText = """
            SELECT CatalogId, Media, ExpiresAt FROM TrackMedia
            WHERE CatalogId IN (SELECT value FROM json_each($ids)) AND ExpiresAt > $now;
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(catalogIds));
        command.Parameters.AddWithValue("$now", Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found[reader.GetString(0)] = new CachedTrackMedia(
                reader.IsDBNull(1) ? null : StoredTrackMedia.ReadTrackMedia(reader.GetString(1)),
                DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(2)));
        }

        return found;
    }

    public async Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogId);
        ArgumentNullException.ThrowIfNull(entry);

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // SQLite has no TTL: expired rows are swept here, on the one path that makes the table grow.
        command.CommandText = """
            DELETE FROM TrackMedia WHERE ExpiresAt <= $now;
            INSERT OR REPLACE INTO TrackMedia (CatalogId, Media, ExpiresAt) VALUES ($catalogId, $media, $expiresAt);
            """;
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$catalogId", catalogId);
        command.Parameters.AddWithValue("$media", entry.Media is { } media ? StoredTrackMedia.Write(media) : DBNull.Value);
        command.Parameters.AddWithValue("$expiresAt", entry.ExpiresAt.ToUnixTimeSeconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();
}
