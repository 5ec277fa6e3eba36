using Microsoft.Data.Sqlite;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.Local.Tests;

public sealed class SqliteAnalysisStoreTests : AnalysisStoreContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public SqliteAnalysisStoreTests() => Store = new SqliteAnalysisStore(DatabasePath, Clock);

    protected override IAnalysisStore Store { get; }

    private string DatabasePath => Path.Combine(_folder.Path, "analyses.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Analyses_survive_reopening_the_database()
    {
        var analysis = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(analysis, CancellationToken.None);

        var reopened = new SqliteAnalysisStore(DatabasePath, Clock);

        AssertSame(analysis, await reopened.GetAsync(analysis.DeviceId, analysis.Id, CancellationToken.None));
    }

    [Fact]
    public void The_database_runs_in_write_ahead_log_mode()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Deleted_history_cannot_be_read_back_from_the_database_files()
    {
        // A device id is 64 hex characters: nothing else in the file spells it.
        var device = TestDevices.NewDeviceId();
        var other = TestDevices.NewDeviceId();
        var kept = Pending(other, Start);
        await Store.CreateAsync(kept, CancellationToken.None);
        var analyses = Enumerable.Range(0, 20).Select(i => Pending(device, Start.AddSeconds(i))).ToList();
        foreach (var analysis in analyses)
        {
            await Store.CreateAsync(analysis, CancellationToken.None);
            await Store.TryFinishAsync(Done(analysis, Start.AddMinutes(1)), CancellationToken.None);
        }

        Assert.True(DatabaseFiles.Contain(DatabasePath, device.Value));

        await Store.DeleteAsync(device, analyses[0].Id, CancellationToken.None);
        Assert.False(DatabaseFiles.Contain(DatabasePath, analyses[0].Id.Value));
        await Store.DeleteAllAsync(device, CancellationToken.None);

        Assert.False(DatabaseFiles.Contain(DatabasePath, device.Value));
        Assert.False(DatabaseFiles.Contain(DatabasePath, analyses[^1].Id.Value));
        AssertSame(kept, await Store.GetAsync(other, kept.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Creating_a_record_sweeps_expired_rows_from_the_file()
    {
        var old = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(old, CancellationToken.None);
        Clock.Advance(Lifetime);

        await Store.CreateAsync(Pending(TestDevices.NewDeviceId(), Clock.GetUtcNow()), CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Analyses WHERE AnalysisId = $id;";
        command.Parameters.AddWithValue("$id", old.Id.Value);
        Assert.Equal(0L, command.ExecuteScalar());
    }

    [Fact]
    public async Task Rows_written_by_the_previous_version_read_back_unchanged()
    {
        var store = OpenPreviousVersionFile();

        PreviousVersionRecords.AssertReadBack(
            await PreviousVersionRecords.ReadAsync(store, PreviousVersionRecords.Done),
            await PreviousVersionRecords.ReadAsync(store, PreviousVersionRecords.Failed));
    }

    [Fact]
    public async Task A_file_from_before_track_versions_gains_the_column_and_its_rows_take_new_tracks() =>
        await PreviousVersionRecords.AssertTakesNewTracksAsync(OpenPreviousVersionFile());

    /// <summary>A file as the previous version left it: its table has no TracksVersion column.</summary>
    private SqliteAnalysisStore OpenPreviousVersionFile()
    {
        var path = Path.Combine(_folder.Path, "previous.db");
        using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE Analyses (
                    DeviceId TEXT NOT NULL, AnalysisId TEXT NOT NULL, Status TEXT NOT NULL, CreatedAt TEXT NOT NULL,
                    FinishedAt TEXT, ExpiresAt INTEGER NOT NULL, PhotoKey TEXT NOT NULL, Result TEXT, Failure TEXT, Tracks TEXT,
                    PRIMARY KEY (DeviceId, AnalysisId)
                ) WITHOUT ROWID;
                """;
            create.ExecuteNonQuery();
            foreach (var row in new[] { PreviousVersionRecords.Done, PreviousVersionRecords.Failed })
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO Analyses (DeviceId, AnalysisId, Status, CreatedAt, FinishedAt, ExpiresAt, PhotoKey, Result, Failure, Tracks)
                    VALUES ($d, $a, $s, $c, $f, $e, $p, $r, $x, $t);
                    """;
                insert.Parameters.AddWithValue("$d", row.DeviceId);
                insert.Parameters.AddWithValue("$a", row.AnalysisId);
                insert.Parameters.AddWithValue("$s", row.Status);
                insert.Parameters.AddWithValue("$c", row.CreatedAt);
                insert.Parameters.AddWithValue("$f", row.FinishedAt);
                insert.Parameters.AddWithValue("$e", row.ExpiresAt);
                insert.Parameters.AddWithValue("$p", row.PhotoKey);
                insert.Parameters.AddWithValue("$r", (object?)row.Result ?? DBNull.Value);
                insert.Parameters.AddWithValue("$x", (object?)row.Failure ?? DBNull.Value);
                insert.Parameters.AddWithValue("$t", (object?)row.Tracks ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }
        }

        return new SqliteAnalysisStore(path, Clock);
    }
}
