using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>/api/saved-songs: the ♥ on a track, kept per device, listed, exported, deleted one by one or all.</summary>
public sealed class SavedSongEndpointTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    private static readonly IReadOnlyList<Track> Songs = [.. TrackCatalog.Default.Tracks.Take(3).Select(t => t.Track)];

    [Fact]
    public async Task A_saved_song_is_listed_newest_first_with_the_catalogs_track_and_the_limit()
    {
        using var device = new TestDevice(factory);
        using var first = await device.Client.PutAsync(ApiPaths.SavedSong(Songs[0].Id), null);
        using var second = await device.Client.PutAsync(ApiPaths.SavedSong(Songs[1].Id), null);
        using var again = await device.Client.PutAsync(ApiPaths.SavedSong(Songs[0].Id), null);

        var created = await HttpAssert.JsonAsync(first, HttpStatusCode.Created);
        await HttpAssert.JsonAsync(second, HttpStatusCode.Created);
        var unchanged = await HttpAssert.JsonAsync(again, HttpStatusCode.OK);
        Assert.Equal(created.GetProperty("savedAt").GetString(), unchanged.GetProperty("savedAt").GetString());
        Assert.Equal(Songs[0].Title, created.GetProperty("track").GetProperty("title").GetString());

        var list = await device.GetJsonAsync(ApiRoutes.SavedSongs);
        Assert.Equal(SavedSongLimits.MaxPerDevice, list.GetProperty("max").GetInt32());
        Assert.Equal(
            [Songs[1].Id, Songs[0].Id],
            list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("track").GetProperty("id").GetString()));
        var track = list.GetProperty("items")[0].GetProperty("track");
        Assert.StartsWith("https://music.youtube.com/search?q=", track.GetProperty("links").GetProperty("youTubeMusic").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_catalog_songs_can_be_saved()
    {
        using var device = new TestDevice(factory);

        using var response = await device.Client.PutAsync(ApiPaths.SavedSong("not-a-song"), null);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound, ProblemCode.UnknownTrack);
        Assert.Equal(0, (await device.GetJsonAsync(ApiRoutes.SavedSongs)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_full_device_is_refused_a_new_song_but_may_save_one_it_has()
    {
        using var device = new TestDevice(factory);
        var store = factory.Services.GetRequiredService<ISavedSongStore>();
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        foreach (var (entry, i) in TrackCatalog.Default.Tracks.Take(SavedSongLimits.MaxPerDevice).Select((t, i) => (t, i)))
        {
            await store.SaveAsync(device.DeviceId, new SavedSong(entry.Track.Id, start.AddSeconds(i)), CancellationToken.None);
        }

        using var refused = await device.Client.PutAsync(ApiPaths.SavedSong(TrackCatalog.Default.Tracks[SavedSongLimits.MaxPerDevice].Track.Id), null);
        using var kept = await device.Client.PutAsync(ApiPaths.SavedSong(Songs[0].Id), null);

        await HttpAssert.ProblemAsync(refused, HttpStatusCode.Conflict, ProblemCode.SavedSongsFull);
        await HttpAssert.JsonAsync(kept, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Deleting_one_then_all_forgets_them_and_another_devices_songs_stay()
    {
        using var mine = new TestDevice(factory);
        using var theirs = new TestDevice(factory);
        foreach (var song in Songs)
        {
            (await mine.Client.PutAsync(ApiPaths.SavedSong(song.Id), null)).Dispose();
        }

        (await theirs.Client.PutAsync(ApiPaths.SavedSong(Songs[0].Id), null)).Dispose();

        using var deleted = await mine.Client.DeleteAsync(ApiPaths.SavedSong(Songs[1].Id));
        using var gone = await mine.Client.DeleteAsync(ApiPaths.SavedSong(Songs[1].Id));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await HttpAssert.ProblemAsync(gone, HttpStatusCode.NotFound, ProblemCode.NotSaved);
        Assert.Equal(2, (await mine.GetJsonAsync(ApiRoutes.SavedSongs)).GetProperty("items").GetArrayLength());

        using var all = await mine.Client.DeleteAsync(ApiRoutes.SavedSongs);
        Assert.Equal(HttpStatusCode.NoContent, all.StatusCode);
        Assert.Equal(0, (await mine.GetJsonAsync(ApiRoutes.SavedSongs)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await theirs.GetJsonAsync(ApiRoutes.SavedSongs)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Deleting_the_history_keeps_the_saved_songs()
    {
        using var device = new TestDevice(factory);
        await device.SeedDoneAsync(Emotion.Happy);
        (await device.Client.PutAsync(ApiPaths.SavedSong(Songs[0].Id), null)).Dispose();

        (await device.Client.DeleteAsync(ApiRoutes.History)).Dispose();

        Assert.Equal(0, (await device.GetJsonAsync(ApiRoutes.History)).GetProperty("items").GetArrayLength());
        Assert.Equal(1, (await device.GetJsonAsync(ApiRoutes.SavedSongs)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task The_export_is_a_csv_file_with_a_link_per_song_by_default_or_plain_text()
    {
        using var device = new TestDevice(factory);
        foreach (var song in Songs.Take(2).Reverse())
        {
            (await device.Client.PutAsync(ApiPaths.SavedSong(song.Id), null)).Dispose();
        }

        using var csv = await device.Client.GetAsync(ApiRoutes.SavedSongsExport);
        using var text = await device.Client.GetAsync($"{ApiRoutes.SavedSongsExport}?format=text");
        using var bad = await device.Client.GetAsync($"{ApiRoutes.SavedSongsExport}?format=pdf");

        Assert.Equal("text/csv; charset=utf-8", csv.Content.Headers.ContentType?.ToString());
        Assert.Equal("moodtunes-saved-songs.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var rows = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"title\",\"artist\",\"language\",\"saved_at\",\"spotify\",\"youtube_music\"", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith($"\"{Songs[0].Title.Replace("\"", "\"\"", StringComparison.Ordinal)}\",", rows[1], StringComparison.Ordinal);
        Assert.Contains($"\"{Songs[0].Url}\"", rows[1], StringComparison.Ordinal);
        Assert.Equal("text/plain; charset=utf-8", text.Content.Headers.ContentType?.ToString());
        var plain = await text.Content.ReadAsStringAsync();
        Assert.StartsWith($"{Songs[0].Title} — {Songs[0].Artist}\n  Spotify: {Songs[0].Url}\n  YouTube Music: https://music.youtube.com/search?q=", plain, StringComparison.Ordinal);
        await HttpAssert.ProblemAsync(bad, HttpStatusCode.BadRequest, ProblemCode.UnknownFormat);
    }

    [Fact]
    public async Task Saved_songs_need_a_device_token()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(ApiRoutes.SavedSongs);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCode.InvalidToken);
    }
}
