using Moodtunes.Api.SavedSongs;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.SavedSongs;

public sealed class SavedSongServiceTests : IDisposable
{
    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    private SavedSongService Songs => _app.SavedSongService;

    [Fact]
    public async Task A_catalog_song_is_kept_with_the_time_it_was_saved_and_saving_it_again_keeps_that_time()
    {
        var id = CatalogId(0);
        var savedAt = _app.Clock.GetUtcNow();

        var first = Assert.IsType<SaveOutcome.Saved>(await Songs.SaveAsync(_device, id, CancellationToken.None));
        _app.Clock.Advance(TimeSpan.FromHours(1));
        var again = Assert.IsType<SaveOutcome.Saved>(await Songs.SaveAsync(_device, id, CancellationToken.None));

        Assert.Equal((true, false), (first.IsNew, again.IsNew));
        Assert.Equal([(id, savedAt)], (await Songs.ListAsync(_device, CancellationToken.None)).Select(s => (s.Track.Id, s.SavedAt)));
    }

    [Fact]
    public async Task An_id_not_in_the_catalog_cannot_be_saved()
    {
        Assert.IsType<SaveOutcome.UnknownTrack>(await Songs.SaveAsync(_device, "no-such-song", CancellationToken.None));

        Assert.Empty(await _app.SavedSongs.ListAsync(_device, CancellationToken.None));
    }

    [Fact]
    public async Task A_device_keeping_the_most_songs_it_may_saves_no_more_but_may_save_one_it_has_again()
    {
        for (var i = 0; i < SavedSongLimits.MaxPerDevice; i++)
        {
            await _app.SavedSongs.SaveAsync(_device, new SavedSong(CatalogId(i), _app.Clock.GetUtcNow()), CancellationToken.None);
        }

        Assert.IsType<SaveOutcome.Full>(await Songs.SaveAsync(_device, CatalogId(SavedSongLimits.MaxPerDevice), CancellationToken.None));
        Assert.IsType<SaveOutcome.Saved>(await Songs.SaveAsync(_device, CatalogId(0), CancellationToken.None));
    }

    [Fact]
    public async Task A_saved_song_no_longer_in_the_catalog_is_left_out_of_the_list()
    {
        await _app.SavedSongs.SaveAsync(_device, new SavedSong("removed-from-the-catalog", _app.Clock.GetUtcNow()), CancellationToken.None);
        await Songs.SaveAsync(_device, CatalogId(1), CancellationToken.None);

        Assert.Equal([CatalogId(1)], (await Songs.ListAsync(_device, CancellationToken.None)).Select(s => s.Track.Id));
    }

    [Fact]
    public async Task Forgetting_one_song_or_all_of_them_leaves_another_devices_songs()
    {
        var neighbour = TestDevices.NewDeviceId();
        await Songs.SaveAsync(neighbour, CatalogId(0), CancellationToken.None);
        await Songs.SaveAsync(_device, CatalogId(0), CancellationToken.None);
        await Songs.SaveAsync(_device, CatalogId(1), CancellationToken.None);
        await Songs.SaveAsync(_device, CatalogId(2), CancellationToken.None);

        Assert.True(await Songs.DeleteAsync(_device, CatalogId(0), CancellationToken.None));
        Assert.Equal(2, await Songs.DeleteAllAsync(_device, CancellationToken.None));

        Assert.Empty(await Songs.ListAsync(_device, CancellationToken.None));
        Assert.Single(await Songs.ListAsync(neighbour, CancellationToken.None));
    }

    private string CatalogId(int index) => _app.Catalog.Tracks[index].Track.Id;
}
