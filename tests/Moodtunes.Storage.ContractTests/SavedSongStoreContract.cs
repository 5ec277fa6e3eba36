using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.ContractTests;

/// <summary>What every <see cref="ISavedSongStore"/> must do. Every test uses fresh devices, so stores may be shared.</summary>
public abstract class SavedSongStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected abstract ISavedSongStore Store { get; }

    /// <summary>The analysis store on the same storage, to show the two kinds of item stay apart.</summary>
    protected abstract IAnalysisStore Analyses { get; }

    [Fact]
    public async Task Saved_songs_list_newest_first_with_their_save_time()
    {
        var device = TestDevices.NewDeviceId();
        await Store.SaveAsync(device, new SavedSong("b-older", Start), None);
        await Store.SaveAsync(device, new SavedSong("a-newer", Start.AddMinutes(1)), None);
        await Store.SaveAsync(device, new SavedSong("c-newest", Start.AddMinutes(2)), None);

        Assert.Equal(
            [new SavedSong("c-newest", Start.AddMinutes(2)), new SavedSong("a-newer", Start.AddMinutes(1)), new SavedSong("b-older", Start)],
            await Store.ListAsync(device, None));
    }

    [Fact]
    public async Task Saving_a_song_again_keeps_it_once_with_its_first_save_time()
    {
        var device = TestDevices.NewDeviceId();

        Assert.True(await Store.SaveAsync(device, new SavedSong("song", Start), None));
        Assert.False(await Store.SaveAsync(device, new SavedSong("song", Start.AddDays(1)), None));

        Assert.Equal([new SavedSong("song", Start)], await Store.ListAsync(device, None));
    }

    [Fact]
    public async Task A_device_sees_and_deletes_only_its_own_songs()
    {
        var mine = TestDevices.NewDeviceId();
        var theirs = TestDevices.NewDeviceId();
        await Store.SaveAsync(theirs, new SavedSong("shared-song", Start), None);
        await Store.SaveAsync(theirs, new SavedSong("their-song", Start), None);

        Assert.Empty(await Store.ListAsync(mine, None));
        Assert.False(await Store.DeleteAsync(mine, "their-song", None));
        Assert.Equal(0, await Store.DeleteAllAsync(mine, None));
        Assert.True(await Store.SaveAsync(mine, new SavedSong("shared-song", Start.AddHours(1)), None));

        Assert.Equal([new SavedSong("shared-song", Start), new SavedSong("their-song", Start)], (await Store.ListAsync(theirs, None)).OrderBy(s => s.CatalogId));
    }

    [Fact]
    public async Task Deleting_one_song_leaves_the_others_and_says_whether_it_was_saved()
    {
        var device = TestDevices.NewDeviceId();
        await Store.SaveAsync(device, new SavedSong("keep", Start), None);
        await Store.SaveAsync(device, new SavedSong("drop", Start.AddSeconds(1)), None);

        Assert.True(await Store.DeleteAsync(device, "drop", None));
        Assert.False(await Store.DeleteAsync(device, "drop", None));

        Assert.Equal([new SavedSong("keep", Start)], await Store.ListAsync(device, None));
    }

    [Fact]
    public async Task Deleting_all_forgets_every_song_of_the_device_and_counts_them()
    {
        // More than DynamoDB's 25 deletions per batch.
        var device = TestDevices.NewDeviceId();
        for (var i = 0; i < 30; i++)
        {
            await Store.SaveAsync(device, new SavedSong($"song-{i}", Start.AddSeconds(i)), None);
        }

        Assert.Equal(30, await Store.DeleteAllAsync(device, None));

        Assert.Empty(await Store.ListAsync(device, None));
        Assert.Equal(0, await Store.DeleteAllAsync(device, None));
    }

    [Fact]
    public async Task Saved_songs_are_not_analyses_and_deleting_the_history_keeps_them()
    {
        var device = TestDevices.NewDeviceId();
        await Store.SaveAsync(device, new SavedSong("song", Start), None);

        Assert.Equal(0, await Analyses.DeleteAllAsync(device, None));

        Assert.Empty((await Analyses.ListAsync(device, 10, null, None)).Items);
        Assert.Equal([new SavedSong("song", Start)], await Store.ListAsync(device, None));
    }

    [Fact]
    public async Task Catalog_ids_are_opaque_keys()
    {
        var device = TestDevices.NewDeviceId();
        string[] ids = ["iu-through-the-night", "ac#dc", "ac", "아이유-밤편지", "🎵 with space", "a/b\\c'\"%_"];
        for (var i = 0; i < ids.Length; i++)
        {
            await Store.SaveAsync(device, new SavedSong(ids[i], Start.AddSeconds(-i)), None);
        }

        Assert.Equal(ids, (await Store.ListAsync(device, None)).Select(s => s.CatalogId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_catalog_id_cannot_be_saved(string? id) =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(TestDevices.NewDeviceId(), new SavedSong(id!, Start), None));
}
