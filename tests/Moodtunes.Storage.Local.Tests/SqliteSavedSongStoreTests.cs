using Microsoft.Data.Sqlite;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.Local.Tests;

public sealed class SqliteSavedSongStoreTests : SavedSongStoreContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public SqliteSavedSongStoreTests()
    {
        Store = new SqliteSavedSongStore(DatabasePath);
        Analyses = new SqliteAnalysisStore(DatabasePath, new ManualClock(Start));
    }

    protected override ISavedSongStore Store { get; }

    protected override IAnalysisStore Analyses { get; }

    private string DatabasePath => Path.Combine(_folder.Path, "analyses.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Forgotten_saved_songs_cannot_be_read_back_from_the_database_files()
    {
        var device = TestDevices.NewDeviceId();
        var songs = new[] { "iu-good-day", "bts-dna", "newjeans-ditto" };
        foreach (var song in songs)
        {
            await Store.SaveAsync(device, new SavedSong(song, Start), CancellationToken.None);
        }

        Assert.True(DatabaseFiles.Contain(DatabasePath, device.Value));

        await Store.DeleteAsync(device, songs[0], CancellationToken.None);
        await Store.DeleteAllAsync(device, CancellationToken.None);

        Assert.False(DatabaseFiles.Contain(DatabasePath, device.Value));
    }

    [Fact]
    public async Task Rows_use_the_documented_columns_with_the_save_time_as_round_trip_text()
    {
        var device = TestDevices.NewDeviceId();
        await Store.SaveAsync(device, new SavedSong("iu-good-day", Start), CancellationToken.None);

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT DeviceId, CatalogId, SavedAt FROM SavedSongs;";
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((device.Value, "iu-good-day", "2026-11-25T10:00:00.1230000+00:00"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
    }
}
