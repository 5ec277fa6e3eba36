using Microsoft.Data.Sqlite;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.Local.Tests;

public sealed class SqliteAnalysisStoreTests : AnalysisStoreContract, IDisposable
{
    private readonly TempFolder _folder = new();

    public SqliteAnalysisStoreTests() => Store = new SqliteAnalysisStore(DatabasePath, Clock);

    protected override IAnalysisStore Store { get; }

    private string DatabasePath => Path.Combine(_folder.Path, "analyses.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Analyses_survive_reopening_the_database()
    {
        var analysis = Pending(NewDeviceId(), Start);
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
    public async Task Creating_a_record_sweeps_expired_rows_from_the_file()
    {
        var old = Pending(NewDeviceId(), Start);
        await Store.CreateAsync(old, CancellationToken.None);
        Clock.Advance(Lifetime);

        await Store.CreateAsync(Pending(NewDeviceId(), Clock.GetUtcNow()), CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Analyses WHERE AnalysisId = $id;";
        command.Parameters.AddWithValue("$id", old.Id);
        Assert.Equal(0L, command.ExecuteScalar());
    }
}
