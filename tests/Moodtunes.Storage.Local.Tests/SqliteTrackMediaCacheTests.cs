using Microsoft.Data.Sqlite;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.Local.Tests;

public sealed class SqliteTrackMediaCacheTests : TrackMediaCacheContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    public SqliteTrackMediaCacheTests() => Cache = new SqliteTrackMediaCache(DatabasePath, Clock);

    protected override ITrackMediaCache Cache { get; }

    private string DatabasePath => Path.Combine(_folder.Path, "analyses.db");

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Rows_use_the_documented_columns_with_the_media_as_json_and_expiry_in_epoch_seconds()
    {
        var expiresAt = TestTrackMedia.Whole(Start) + TestTrackMedia.FoundLifetime;
        await Cache.PutAsync("found", new CachedTrackMedia(TestTrackMedia.Full, expiresAt), CancellationToken.None);
        await Cache.PutAsync("missed", new CachedTrackMedia(null, expiresAt), CancellationToken.None);

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CatalogId, Media, ExpiresAt FROM TrackMedia ORDER BY CatalogId;";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, object, long)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetValue(1), reader.GetInt64(2)));
        }

        Assert.Equal(
            [("found", TestTrackMedia.FullJson, expiresAt.ToUnixTimeSeconds()), ("missed", DBNull.Value, expiresAt.ToUnixTimeSeconds())],
            rows);
    }

    [Fact]
    public async Task Putting_an_entry_sweeps_expired_rows_from_the_file()
    {
        await Cache.PutAsync("old", new CachedTrackMedia(null, Start.AddSeconds(10)), CancellationToken.None);
        Clock.Advance(TimeSpan.FromSeconds(10));

        await Cache.PutAsync("new", new CachedTrackMedia(null, Start.AddDays(1)), CancellationToken.None);

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT CatalogId FROM TrackMedia;";
        Assert.Equal("new", command.ExecuteScalar());
    }

    [Fact]
    public async Task The_cache_and_the_analyses_share_one_file_whichever_opens_it_first()
    {
        var entry = new CachedTrackMedia(TestTrackMedia.Bare, TestTrackMedia.Whole(Start) + TestTrackMedia.MissLifetime);
        await Cache.PutAsync("song", entry, CancellationToken.None);
        var analyses = new SqliteAnalysisStore(DatabasePath, Clock);
        var analysis = Pending(TestDevices.NewDeviceId(), Start);

        await analyses.CreateAsync(analysis, CancellationToken.None);
        var reopened = new SqliteTrackMediaCache(DatabasePath, Clock);

        AssertSame(analysis, await analyses.GetAsync(analysis.DeviceId, analysis.Id, CancellationToken.None));
        Assert.Equal(entry, (await reopened.GetManyAsync(["song"], CancellationToken.None))["song"]);
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        return connection;
    }
}
