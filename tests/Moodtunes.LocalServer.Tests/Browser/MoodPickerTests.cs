using System.Text.Json;
using Microsoft.Playwright;
using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed class MoodPickerTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_neutral_face_asks_for_moods_and_other_songs_brings_tracks_not_offered_before()
    {
        var phone = await OpenPhoneAsync();
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.GraceHopper));
        await phone.ExpectDoneAsync();

        // A neutral face says little about what to play, so the page offers moods to pick.
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-emotion", "neutral");
        await Expect(phone.Page.GetByTestId("mood-picker")).ToBeVisibleAsync();
        // One question and no songs under it; "Get tracks" shows once there is something to get.
        await Expect(phone.Page.Locator("[data-testid=mood-picker], [data-testid$=-choice]")).ToHaveCountAsync(1);
        await Expect(phone.Tracks).ToHaveCountAsync(0);
        var getTracks = phone.Page.GetByTestId("get-tracks");
        await Expect(getTracks).ToBeHiddenAsync();

        foreach (var mood in new[] { "morning-coffee", "relaxing" })
        {
            var chip = phone.Page.GetByTestId($"mood-chip-{mood}");
            await chip.ClickAsync();
            await Expect(chip).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await Expect(getTracks).ToBeEnabledAsync();
        await phone.ScreenshotAsync("mood-picker");
        var picked = await RequestedTracksAsync(phone, getTracks);
        Assert.Equal(["morning-coffee", "relaxing"], picked.GetProperty("moods").EnumerateArray().Select(m => m.GetString()));
        Assert.False(picked.GetProperty("more").GetBoolean());
        var firstList = await phone.TrackIdsAsync();
        await Expect(phone.Page.GetByTestId("mood-picker")).ToHaveCountAsync(0);
        await Expect(phone.Page.Locator("#tracks-heading")).ToHaveTextAsync("Tracks for Morning coffee, Relaxing");
        Assert.True(firstList.Count >= 5);
        Assert.Equal(firstList.Count, firstList.Distinct().Count());

        var other = await RequestedTracksAsync(phone, phone.Page.GetByTestId("other-songs"));
        Assert.True(other.GetProperty("more").GetBoolean());
        var secondList = await phone.TrackIdsAsync();
        Assert.True(secondList.Count >= 5);
        Assert.Equal(secondList.Count, secondList.Distinct().Count());
        Assert.Empty(secondList.Intersect(firstList));
        await Expect(phone.Page.GetByTestId("tracks-status")).Not.ToHaveAttributeAsync("data-restarted", "true");
    }

    /// <summary>Clicks the button and returns the body of the track request it sent.</summary>
    private static async Task<JsonElement> RequestedTracksAsync(MoodtunesPage phone, ILocator button)
    {
        var request = await phone.Page.RunAndWaitForRequestAsync(
            () => button.ClickAsync(),
            r => r.Method == "POST" && r.Url.EndsWith("/tracks", StringComparison.Ordinal));
        return request.PostDataJSON() ?? throw new InvalidOperationException("The track request had no body.");
    }
}
