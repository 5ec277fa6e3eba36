using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>The ♥ on a track keeps it on the server; the history lists, exports and deletes the saved songs (issue 17).</summary>
public sealed class SavedSongsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Hearts_save_songs_that_the_history_lists_exports_and_deletes_one_by_one_or_all()
    {
        var history = new SeededHistory(Services);
        var analysis = await history.AddAsync(Emotion.Happy, DateTimeOffset.UtcNow.AddMinutes(-5));
        var phone = await OpenPhoneAsync(deviceToken: history.Token, fragment: $"#result/{analysis.Id}");
        await Expect(phone.Result).ToBeVisibleAsync();
        var first = phone.Tracks.Nth(0);
        var second = phone.Tracks.Nth(1);
        var firstTitle = await first.Locator(".track-title").InnerTextAsync();
        var secondTitle = await second.Locator(".track-title").InnerTextAsync();
        var heart = first.GetByTestId("track-save");
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(heart).ToHaveAccessibleNameAsync(new Regex($"^Save {Regex.Escape(firstTitle)} by "));

        await heart.ClickAsync();
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "true");
        // The keyboard works the same button.
        await second.GetByTestId("track-save").FocusAsync();
        await phone.Page.Keyboard.PressAsync("Enter");
        await Expect(second.GetByTestId("track-save")).ToHaveAttributeAsync("aria-pressed", "true");
        await phone.ScreenshotAsync("result-saved-hearts");

        // Kept on the server: a reload still shows them saved.
        await phone.ReloadAsync();
        await Expect(phone.Tracks.Nth(0).GetByTestId("track-save")).ToHaveAttributeAsync("aria-pressed", "true");

        await phone.OpenHistoryAsync();
        var items = phone.Page.GetByTestId("saved-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync(secondTitle);
        await Expect(items.Nth(1)).ToContainTextAsync(firstTitle);
        await Expect(phone.Page.GetByTestId("saved-count")).ToHaveTextAsync("2 of 200 saved");
        // Each with a cover of its own, the mood it was saved from and a small ♥ to unsave; no stray "null".
        await Expect(items.Nth(0).GetByTestId("saved-cover")).ToBeVisibleAsync();
        await Expect(items.Nth(0).Locator(".meta")).ToContainTextAsync("From 😄 Happy");
        await Expect(items.Nth(0).GetByTestId("saved-remove")).ToHaveTextAsync("♥");
        await Expect(items.Nth(0).GetByTestId("saved-remove")).ToHaveAttributeAsync("aria-pressed", "true");
        Assert.NotEqual(
            await items.Nth(0).GetByTestId("saved-cover").EvaluateAsync<string>("e => e.style.background"),
            await items.Nth(1).GetByTestId("saved-cover").EvaluateAsync<string>("e => e.style.background"));
        Assert.DoesNotContain("null", await phone.Page.GetByTestId("saved-songs").InnerTextAsync(), StringComparison.Ordinal);
        await phone.ScreenshotAsync("history-saved-songs");

        var csv = await DownloadAsync(phone, "saved-export-csv");
        Assert.Equal("moodtunes-saved-songs.csv", csv.Name);
        var rows = csv.Text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"title\",\"artist\",\"language\",\"saved_at\",\"spotify\",\"youtube_music\"", rows[0]);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith($"\"{secondTitle}\"", rows[1], StringComparison.Ordinal);
        Assert.Contains("\"https://music.youtube.com/search?q=", rows[1], StringComparison.Ordinal);
        var text = await DownloadAsync(phone, "saved-export-text");
        Assert.Equal("moodtunes-saved-songs.txt", text.Name);
        Assert.Contains("  Spotify: https://open.spotify.com/", text.Text, StringComparison.Ordinal);

        // Removing one by keyboard leaves focus on the next song's button.
        await items.Nth(0).GetByTestId("saved-remove").FocusAsync();
        await phone.Page.Keyboard.PressAsync("Enter");
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.Nth(0).GetByTestId("saved-remove")).ToBeFocusedAsync();

        await phone.Page.GetByTestId("saved-delete-all").ClickAsync();
        await Expect(phone.Page.GetByTestId("saved-confirm-no")).ToBeFocusedAsync();
        await phone.Page.GetByTestId("saved-confirm-yes").ClickAsync();
        await Expect(phone.Page.GetByTestId("saved-empty")).ToBeVisibleAsync();
        await phone.ReloadAsync();
        await Expect(phone.Page.GetByTestId("saved-empty")).ToBeVisibleAsync();
        // The history itself is untouched.
        await Expect(phone.HistoryItems).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Deleting_the_history_keeps_the_saved_songs_as_the_confirmation_says()
    {
        var history = new SeededHistory(Services);
        var analysis = await history.AddAsync(Emotion.Sad, DateTimeOffset.UtcNow.AddMinutes(-5));
        var phone = await OpenPhoneAsync("ko-KR", deviceToken: history.Token, fragment: $"#result/{analysis.Id}");
        await Expect(phone.Result).ToBeVisibleAsync();
        await phone.Page.GetByTestId("sad-cheer-up").ClickAsync();
        await phone.TrackIdsAsync();
        await phone.Tracks.Nth(0).GetByTestId("track-save").ClickAsync();
        await Expect(phone.Tracks.Nth(0).GetByTestId("track-save")).ToHaveAttributeAsync("aria-pressed", "true");

        await phone.OpenHistoryAsync();
        await phone.Page.GetByTestId("delete-all").ClickAsync();
        await Expect(phone.Page.GetByTestId("delete-all-confirm-panel")).ToContainTextAsync("저장한 노래는 남습니다");
        await phone.Page.GetByTestId("delete-all-confirm").ClickAsync();

        await Expect(phone.Page.GetByTestId("history-empty")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("saved-item")).ToHaveCountAsync(1);
        await Expect(phone.Page.GetByTestId("saved-songs").GetByRole(AriaRole.Heading)).ToHaveTextAsync("♥ 저장한 노래");
    }

    [Fact]
    public async Task A_full_list_says_the_servers_limit_and_leaves_the_heart_empty()
    {
        var history = new SeededHistory(Services);
        var analysis = await history.AddAsync(Emotion.Happy, DateTimeOffset.UtcNow.AddMinutes(-5));
        var offered = analysis.Tracks!.Current.Select(t => t.Id).ToHashSet();
        var store = Services.GetRequiredService<ISavedSongStore>();
        foreach (var entry in TrackCatalog.Default.Tracks.Where(t => !offered.Contains(t.Track.Id)).Take(SavedSongLimits.MaxPerDevice))
        {
            await store.SaveAsync(history.DeviceId, new SavedSong(entry.Track.Id, DateTimeOffset.UtcNow), CancellationToken.None);
        }

        var phone = await OpenPhoneAsync(deviceToken: history.Token, fragment: $"#result/{analysis.Id}");
        await Expect(phone.Result).ToBeVisibleAsync();
        var heart = phone.Tracks.Nth(0).GetByTestId("track-save");
        await heart.ClickAsync();

        await Expect(phone.Page.GetByTestId("track-save-status")).ToHaveTextAsync($"You can keep up to {SavedSongLimits.MaxPerDevice} songs. Remove some to save more.");
        await Expect(heart).ToHaveAttributeAsync("aria-pressed", "false");
    }

    private static async Task<(string Name, string Text)> DownloadAsync(MoodtunesPage phone, string button)
    {
        var download = await phone.Page.RunAndWaitForDownloadAsync(() => phone.Page.GetByTestId(button).ClickAsync());
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }
}
