using System.Runtime.Versioning;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Local.Tests;

public sealed class LocalStorageRegistrationTests : IDisposable
{
    private static readonly Uri UploadUrl = new("http://127.0.0.1:5000/local-uploads");
    private static readonly UploadPolicy Policy =
        new("photos/d/01JD0000000000000000000000", "image/jpeg", 100, DateTimeOffset.UtcNow.AddMinutes(10));

    private readonly TemporaryDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Every_storage_service_resolves_and_uses_the_data_folder()
    {
        using var services = Provider(new LocalStorageOptions { DataDirectory = _folder.Path, UploadUrl = UploadUrl });

        var photos = services.GetRequiredService<FileSystemPhotoStore>();
        Assert.Same(photos, services.GetRequiredService<IPhotoStore>());
        Assert.Equal(UploadUrl, services.GetRequiredService<IUploadTargetIssuer>().Issue(Policy).Url);
        await services.GetRequiredService<IAnalysisStore>().CreateAsync(
            TestAnalyses.Pending(TestDevices.NewDeviceId(), DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "analyses.db")));
        var media = services.GetRequiredService<ITrackMediaCache>();
        Assert.IsType<SqliteTrackMediaCache>(media);
        Assert.Same(media, services.GetRequiredService<ITrackMediaCache>());
        await media.PutAsync("song", new CachedTrackMedia(null, DateTimeOffset.UtcNow.AddDays(1)), CancellationToken.None);
        Assert.Equal("song", CatalogIdsIn(Path.Combine(_folder.Path, "analyses.db")));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "upload-signing.key")));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public async Task The_data_folder_database_and_signing_key_are_the_server_users_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var data = Path.Combine(_folder.Path, "data");
        using var services = Provider(new LocalStorageOptions { DataDirectory = data, UploadUrl = UploadUrl });

        await services.GetRequiredService<IAnalysisStore>().CreateAsync(
            TestAnalyses.Pending(TestDevices.NewDeviceId(), DateTimeOffset.UtcNow), CancellationToken.None);
        services.GetRequiredService<LocalUploadPolicy>();

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        foreach (var file in new[] { "analyses.db", "analyses.db-wal", "upload-signing.key" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, file)));
        }
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void An_existing_folder_others_can_open_is_refused_and_its_mode_left_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        // Like /tmp: everyone's (sticky, rwx for all).
        var shared = Directory.CreateDirectory(Path.Combine(_folder.Path, "shared")).FullName;
        var everyone = (UnixFileMode)Convert.ToInt32("1777", 8);
        File.SetUnixFileMode(shared, everyone);
        using var services = Provider(new LocalStorageOptions { DataDirectory = shared, UploadUrl = UploadUrl });

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IAnalysisStore>());

        Assert.Contains(shared, refused.Message, StringComparison.Ordinal);
        Assert.Equal(everyone, File.GetUnixFileMode(shared));
        Assert.Empty(Directory.EnumerateFileSystemEntries(shared));
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_world_readable_database_an_earlier_version_created_is_made_the_server_users_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        var database = Path.Combine(_folder.Path, "analyses.db");
        File.WriteAllBytes(database, []);
        File.SetUnixFileMode(database, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _ = new SqliteAnalysisStore(database, TimeProvider.System);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(database));
    }

    [Fact]
    public void Targets_issued_before_a_restart_still_verify_after_it()
    {
        var options = new LocalStorageOptions { DataDirectory = _folder.Path, UploadUrl = UploadUrl };
        IReadOnlyDictionary<string, string> fields;
        using (var before = Provider(options))
        {
            fields = before.GetRequiredService<IUploadTargetIssuer>().Issue(Policy).Fields;
        }

        using var after = Provider(options);
        var check = after.GetRequiredService<LocalUploadPolicy>()
            .Verify(fields["policy"], fields["signature"], Policy.Key, Policy.ContentType, 10);

        Assert.Equal(LocalUploadVerdict.Ok, check.Verdict);
    }

    [Fact]
    public void A_given_signing_key_is_used_and_none_is_written()
    {
        byte[] key = [.. Enumerable.Repeat((byte)7, 32)];
        using var services = Provider(new LocalStorageOptions { DataDirectory = _folder.Path, UploadUrl = UploadUrl, SigningKey = key });

        var fields = services.GetRequiredService<IUploadTargetIssuer>().Issue(Policy).Fields;

        Assert.Equal(fields["signature"], new LocalUploadPolicy(key, TimeProvider.System).Sign(Policy).Signature);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "upload-signing.key")));
    }

    [Fact]
    public void A_relative_upload_url_is_issued_as_given_so_the_page_posts_to_its_own_origin()
    {
        var relative = new Uri("/local-uploads", UriKind.Relative);
        using var services = Provider(new LocalStorageOptions { DataDirectory = _folder.Path, UploadUrl = relative });

        var target = services.GetRequiredService<IUploadTargetIssuer>().Issue(Policy);

        Assert.Equal(relative, target.Url);
    }

    private static object? CatalogIdsIn(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT group_concat(CatalogId) FROM TrackMedia;";
        return command.ExecuteScalar();
    }

    private static ServiceProvider Provider(LocalStorageOptions options) =>
        new ServiceCollection().AddLocalStorage(options).BuildServiceProvider();
}
