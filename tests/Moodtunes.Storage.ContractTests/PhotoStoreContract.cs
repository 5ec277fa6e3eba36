using Moodtunes.Core.Analyses;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.ContractTests;

/// <summary>What every <see cref="IPhotoStore"/> must do. A derived class supplies the store and a way to put a photo in it.</summary>
public abstract class PhotoStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract IPhotoStore Store { get; }

    /// <summary>Stores bytes under a key the way uploads do (the upload endpoint or S3's POST).</summary>
    protected abstract Task PutAsync(string key, byte[] content);

    [Fact]
    public async Task A_stored_photo_reads_back_byte_for_byte()
    {
        var key = NewKey();
        var content = Photo(5000);
        await PutAsync(key, content);

        Assert.Equal(content, await Store.ReadAsync(key, 10_000, None));
    }

    [Fact]
    public async Task A_photo_of_exactly_the_limit_is_read()
    {
        var key = NewKey();
        var content = Photo(4096);
        await PutAsync(key, content);

        Assert.Equal(content, await Store.ReadAsync(key, 4096, None));
    }

    [Fact]
    public async Task A_photo_over_the_limit_is_refused_with_its_size()
    {
        var key = NewKey();
        await PutAsync(key, Photo(4097));

        var refused = await Assert.ThrowsAsync<PhotoTooLargeException>(() => Store.ReadAsync(key, 4096, None));

        Assert.Equal(4097, refused.Size);
    }

    [Fact]
    public async Task A_missing_photo_reads_as_null() =>
        Assert.Null(await Store.ReadAsync(NewKey(), 10_000, None));

    [Fact]
    public async Task A_deleted_photo_reads_as_null()
    {
        var key = NewKey();
        await PutAsync(key, Photo(100));

        await Store.DeleteAsync(key, None);

        Assert.Null(await Store.ReadAsync(key, 10_000, None));
    }

    [Fact]
    public async Task Deleting_a_missing_photo_is_not_an_error() =>
        await Store.DeleteAsync(NewKey(), None);

    protected static string NewKey() => PhotoKey.For(TestDevices.NewDeviceId(), AnalysisIds.New(Start));

    protected static byte[] Photo(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
