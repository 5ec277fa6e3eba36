using Microsoft.Data.Sqlite;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage.Local;

/// <summary>
/// Analyses in one SQLite table keyed by (DeviceId, AnalysisId). Every statement names the device, so no
/// call reaches another device's rows; expired rows are filtered on read because SQLite has no TTL.
/// Safe for concurrent use: each call takes its own pooled connection, WAL lets readers run beside the
/// single writer, and Microsoft.Data.Sqlite retries a busy database until the command timeout.
/// </summary>
public sealed class SqliteAnalysisStore : IAnalysisStore
{
    private const string Columns =
        "DeviceId, AnalysisId, Status, CreatedAt, FinishedAt, ExpiresAt, PhotoKey, Result, Failure, Tracks, TracksVersion";

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS Analyses (
            DeviceId   TEXT    NOT NULL,
            AnalysisId TEXT    NOT NULL,
            Status     TEXT    NOT NULL,
            CreatedAt  TEXT    NOT NULL,
            FinishedAt TEXT,
            ExpiresAt  INTEGER NOT NULL,
            PhotoKey   TEXT    NOT NULL,
            Result     TEXT,
            Failure    TEXT,
            Tracks     TEXT,
            PRIMARY KEY (DeviceId, AnalysisId)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS Analyses_ExpiresAt ON Analyses (ExpiresAt);
        """;

    /// <summary>Added after the table, so files made before versions existed gain it too; NULL reads as the initial version.</summary>
    private const string TracksVersionColumn = "TracksVersion";

    private static readonly string PendingStatus = AnalysisRecord.StatusName(AnalysisStatus.Pending);

    private static readonly string DoneStatus = AnalysisRecord.StatusName(AnalysisStatus.Done);

    /// <summary>
    /// The mood timeline's reads, answered from this index alone: a busy device's month is thousands of rows of
    /// several KB (their tracks), of which the timeline needs the time and the result's emotion. It holds the result
    /// itself, not json_extract of it: SQLite still reads the row for an expression it could take from the index
    /// (20,000 rows: 16 ms covering, 65 ms by the primary key, 169 ms through an expression index; one run, 2 cores).
    /// Created at start on files an earlier version made; the rows are unchanged.
    /// </summary>
    private static readonly string MoodsIndex = $"""
        CREATE INDEX IF NOT EXISTS Analyses_Moods ON Analyses (DeviceId, AnalysisId, ExpiresAt, CreatedAt, Result)
        WHERE Status = '{DoneStatus}';
        """;

    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Opens (creating when missing) the database file and its table.</summary>
    public SqliteAnalysisStore(string databasePath, TimeProvider timeProvider)
    {
        _database = new SqliteDatabase(databasePath, Schema + MoodsIndex);
        _database.AddColumnIfMissing("Analyses", TracksVersionColumn, "INTEGER");
        _time = timeProvider;
    }

    public async Task CreateAsync(Analysis analysis, CancellationToken cancellationToken)
    {
        if (analysis.Status != AnalysisStatus.Pending)
        {
            throw new ArgumentException("A new analysis must be pending.", nameof(analysis));
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // SQLite has no TTL: expired rows are swept here, on the one path that makes the table grow.
        command.CommandText = $"""
            DELETE FROM Analyses WHERE ExpiresAt <= $now;
            INSERT INTO Analyses ({Columns})
            VALUES ($deviceId, $analysisId, $status, $createdAt, $finishedAt, $expiresAt, $photoKey, $result, $failure, $tracks, $tracksVersion);
            """;
        command.Parameters.AddWithValue("$now", Now());
        AddRecord(command, analysis);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e) when (e.SqliteExtendedErrorCode == SQLitePCL.raw.SQLITE_CONSTRAINT_PRIMARYKEY)
        {
            throw new InvalidOperationException($"Analysis '{analysis.Id}' already exists for this device.", e);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<Analysis?> GetAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM Analyses
            WHERE DeviceId = $deviceId AND AnalysisId = $analysisId AND ExpiresAt > $now;
            """;
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$analysisId", analysisId.Value);
        command.Parameters.AddWithValue("$now", Now());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? ReadRecord(reader) : null;
    }

    public async Task<bool> TryFinishAsync(Analysis finished, CancellationToken cancellationToken)
    {
        if (finished.Status == AnalysisStatus.Pending)
        {
            throw new ArgumentException("A finished analysis must be done or failed.", nameof(finished));
        }

        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // One conditional statement: of racing finishers exactly one sees the pending status.
        command.CommandText = """
            UPDATE Analyses
            SET Status = $status, FinishedAt = $finishedAt, Result = $result, Failure = $failure, Tracks = $tracks
            WHERE DeviceId = $deviceId AND AnalysisId = $analysisId AND Status = $pending AND ExpiresAt > $now;
            """;
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$pending", PendingStatus);
        AddRecord(command, finished);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> SaveTracksAsync(
        DeviceId deviceId, AnalysisId analysisId, TrackSelection tracks, TrackListVersion basedOn, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // One conditional statement: of racing saves based on the same version exactly one matches.
        command.CommandText = $"""
            UPDATE Analyses SET Tracks = $tracks, {TracksVersionColumn} = $next
            WHERE DeviceId = $deviceId AND AnalysisId = $analysisId AND Status <> $pending AND ExpiresAt > $now
              AND COALESCE({TracksVersionColumn}, $initial) = $basedOn;
            """;
        command.Parameters.AddWithValue("$tracks", StoredDocuments.Write(tracks));
        command.Parameters.AddWithValue("$next", basedOn.Next().Value);
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$analysisId", analysisId.Value);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$pending", PendingStatus);
        command.Parameters.AddWithValue("$initial", TrackListVersion.Initial.Value);
        command.Parameters.AddWithValue("$basedOn", basedOn.Value);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<HistoryPage> ListAsync(DeviceId deviceId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // Keyset paging on the time-ordered id; one extra row tells whether another page exists.
        command.CommandText = $"""
            SELECT {Columns} FROM Analyses
            WHERE DeviceId = $deviceId AND ExpiresAt > $now AND ($before IS NULL OR AnalysisId < $before)
            ORDER BY AnalysisId DESC
            LIMIT $take;
            """;
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$now", Now());
        command.Parameters.AddWithValue("$before", cursor is null ? DBNull.Value : StorageEncoding.DecodeCursor(cursor).Value);
        command.Parameters.AddWithValue("$take", limit + 1);

        var items = new List<Analysis>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadRecord(reader));
        }

        if (items.Count <= limit)
        {
            return new HistoryPage(items, null);
        }

        items.RemoveAt(limit);
        return new HistoryPage(items, StorageEncoding.EncodeCursor(items[^1].Id));
    }

    public async Task<IReadOnlyList<MoodReading>> ListMoodsSinceAsync(DeviceId deviceId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // A range of the moods index (ids start with their creation time, so the window is where it starts); the
        // status is written out so SQLite can tell the partial index applies (INDEXED BY fails loudly if not).
        // The answer lives with the tracks, outside the index, and only an unsure reading has one (Analysis.FeelingOf;
        // such results say unsure, older ones never had answers). The outer read stays within the index; the row is
        // looked up by its key for unsure readings alone, since a row read for every analysis cost three times all
        // the rest (20,000 analyses: 318 against 78 ms, one run).
        command.CommandText = $"""
            SELECT CreatedAt, json_extract(Result, '{StoredDocuments.ResultEmotionPath}'), json_extract(Result, '{StoredDocuments.ResultUnsurePath}'),
                json_extract(Result, '{StoredDocuments.ResultAsksForMoodsPath}'),
                CASE WHEN json_extract(Result, '{StoredDocuments.ResultUnsurePath}') THEN (
                    SELECT json_extract(answered.Tracks, '$.{StoredDocuments.TracksAnswerKey}') FROM Analyses AS answered
                    WHERE answered.DeviceId = moods.DeviceId AND answered.AnalysisId = moods.AnalysisId) END
            FROM Analyses AS moods INDEXED BY Analyses_Moods
            WHERE DeviceId = $deviceId AND AnalysisId >= $since AND Status = '{DoneStatus}' AND ExpiresAt > $now;
            """;
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$since", AnalysisIds.LowerBound(since));
        command.Parameters.AddWithValue("$now", Now());

        var readings = new List<MoodReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var feeling = StoredDocuments.Feeling(
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetBoolean(2),
                !reader.IsDBNull(3) && reader.GetBoolean(3),
                reader.IsDBNull(4) ? null : reader.GetString(4));
            if (feeling is { } felt)
            {
                readings.Add(new MoodReading(StorageEncoding.ParseInstant(reader.GetString(0)), felt));
            }
        }

        return readings;
    }

    public async Task<bool> DeleteAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();

        // An expired row is removed too, but reported as absent like every other read of it.
        command.CommandText = """
            DELETE FROM Analyses WHERE DeviceId = $deviceId AND AnalysisId = $analysisId
            RETURNING ExpiresAt > $now;
            """;
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$analysisId", analysisId.Value);
        command.Parameters.AddWithValue("$now", Now());
        var deleted = await CountTrueAsync(command, cancellationToken);
        await SqliteDatabase.ForgetDeletedAsync(connection, cancellationToken);
        return deleted == 1;
    }

    public async Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM Analyses WHERE DeviceId = $deviceId RETURNING ExpiresAt > $now;";
        command.Parameters.AddWithValue("$deviceId", deviceId.Value);
        command.Parameters.AddWithValue("$now", Now());
        var deleted = await CountTrueAsync(command, cancellationToken);
        await SqliteDatabase.ForgetDeletedAsync(connection, cancellationToken);
        return deleted;
    }

    private static async Task<int> CountTrueAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var count = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            count += reader.GetBoolean(0) ? 1 : 0;
        }

        return count;
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeSeconds();

    private static void AddRecord(SqliteCommand command, Analysis analysis)
    {
        var record = AnalysisRecord.From(analysis);
        command.Parameters.AddWithValue("$deviceId", record.DeviceId);
        command.Parameters.AddWithValue("$analysisId", record.AnalysisId);
        command.Parameters.AddWithValue("$status", record.Status);
        command.Parameters.AddWithValue("$createdAt", record.CreatedAt);
        command.Parameters.AddWithValue("$finishedAt", (object?)record.FinishedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("$expiresAt", record.ExpiresAt);
        command.Parameters.AddWithValue("$photoKey", record.PhotoKey);
        command.Parameters.AddWithValue("$result", (object?)record.Result ?? DBNull.Value);
        command.Parameters.AddWithValue("$failure", (object?)record.Failure ?? DBNull.Value);
        command.Parameters.AddWithValue("$tracks", (object?)record.Tracks ?? DBNull.Value);
        command.Parameters.AddWithValue("$tracksVersion", (object?)record.TracksVersion ?? DBNull.Value);
    }

    private static Analysis ReadRecord(SqliteDataReader reader)
    {
        string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
        return new AnalysisRecord(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            reader.GetString(3),
            Text(4),
            reader.GetInt64(5),
            reader.GetString(6),
            Text(7),
            Text(8),
            Text(9),
            reader.IsDBNull(10) ? null : reader.GetInt64(10)).ToAnalysis();
    }
}
