using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Local.Tests;

public sealed class FileSystemPhotoStoreTests : PhotoStoreContract, IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly FileSystemPhotoStore _store;

    public FileSystemPhotoStoreTests() => _store = new FileSystemPhotoStore(Path.Combine(_folder.Path, "objects"));

    protected override IPhotoStore Store => _store;

    public void Dispose() => _folder.Dispose();

    protected override async Task PutAsync(string key, byte[] content)
    {
        using var stream = new MemoryStream(content);
        await _store.WriteAsync(key, stream, content.Length, CancellationToken.None);
    }

    [SkippableFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_stored_photo_is_the_server_users_alone()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");

        await PutAsync("photos/device/01JD0000000000000000000000", [1, 2, 3]);

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite,
            File.GetUnixFileMode(Path.Combine(_folder.Path, "objects", "photos", "device", "01JD0000000000000000000000")));
    }

    [Theory]
    [InlineData("../outside")]
    [InlineData("photos/../../outside")]
    [InlineData("photos/./x")]
    [InlineData("/etc/passwd")]
    [InlineData("photos//x")]
    [InlineData("photos/a\\..\\..\\x")]
    [InlineData("C:/x")]
    [InlineData("")]
    public async Task Keys_that_could_leave_the_photo_folder_are_rejected(string key)
    {
        using var stream = new MemoryStream([1, 2, 3]);

        await Assert.ThrowsAsync<ArgumentException>(() => _store.WriteAsync(key, stream, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.ReadAsync(key, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task Writing_returns_the_size_and_stores_the_file_under_the_key_path()
    {
        var key = NewKey();
        using var stream = new MemoryStream(Photo(300));

        Assert.Equal(300, await _store.WriteAsync(key, stream, 300, CancellationToken.None));

        Assert.True(File.Exists(Path.Combine([_folder.Path, "objects", .. key.Split('/')])));
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_and_leaves_nothing_behind()
    {
        var key = NewKey();
        using var stream = new MemoryStream(Photo(200_000));

        var refused = await Assert.ThrowsAsync<PhotoTooLargeException>(
            () => _store.WriteAsync(key, stream, 100_000, CancellationToken.None));

        Assert.True(refused.Size > 100_000);
        Assert.Null(await _store.ReadAsync(key, long.MaxValue, CancellationToken.None));
        Assert.Empty(Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_refused_rewrite_keeps_the_previous_photo_whole()
    {
        var key = NewKey();
        var first = Photo(1000);
        await PutAsync(key, first);
        using var tooBig = new MemoryStream(Photo(5000));

        await Assert.ThrowsAsync<PhotoTooLargeException>(() => _store.WriteAsync(key, tooBig, 2000, CancellationToken.None));

        Assert.Equal(first, await _store.ReadAsync(key, 10_000, CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_devices_last_photo_removes_its_folder_and_a_folder_with_a_photo_waiting_stays()
    {
        var (last, first, second) = ("photos/device-a/one", "photos/device-b/one", "photos/device-b/two");
        foreach (var key in new[] { last, first, second })
        {
            await PutAsync(key, Photo(100));
        }

        await _store.DeleteAsync(last, CancellationToken.None);
        await _store.DeleteAsync(first, CancellationToken.None);

        Assert.Equal([Path.Combine(_folder.Path, "objects", "photos", "device-b")], Directory.EnumerateDirectories(Path.Combine(_folder.Path, "objects", "photos")));
        Assert.Equal(Photo(100), await _store.ReadAsync(second, 1000, CancellationToken.None));
    }

    [Fact]
    public async Task Recovery_deletes_partial_writes_and_the_folders_they_leave_empty()
    {
        await PutAsync("photos/device-a/waiting", Photo(100));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "objects", "photos", "device-b"));
        await File.WriteAllBytesAsync(Path.Combine(_folder.Path, "objects", "photos", "device-b", "cut-short.0123.tmp"), Photo(50));
        Directory.CreateDirectory(Path.Combine(_folder.Path, "objects", "photos", "device-c"));

        var keys = _store.RecoverKeys(PhotoKey.Prefix);

        Assert.Equal(["photos/device-a/waiting"], keys);
        Assert.Equal([Path.Combine(_folder.Path, "objects", "photos", "device-a")], Directory.EnumerateDirectories(Path.Combine(_folder.Path, "objects", "photos")));
    }
}
