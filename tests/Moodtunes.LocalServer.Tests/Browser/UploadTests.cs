using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed class UploadTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Uploading_a_smiling_photo_shows_happy_with_tracks_and_lists_it_first_in_history()
    {
        var phone = await OpenPhoneAsync();
        await Expect(phone.Status).ToHaveAttributeAsync("data-state", "idle");
        await phone.ScreenshotAsync("home");

        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));

        var id = await phone.ExpectDoneAsync();
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-emotion", "happy");
        await Expect(phone.Page.GetByTestId("face-box")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("emotion-bar")).ToHaveCountAsync(7);
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
        await Expect(phone.Page).ToHaveURLAsync($"{BaseUrl}#result/{id}");
        await phone.ScreenshotAsync("result");

        await phone.OpenHistoryAsync();
        var first = phone.HistoryItems.First;
        await Expect(first).ToHaveAttributeAsync("data-analysis-id", id);
        await Expect(first).ToHaveAttributeAsync("data-status", "done");
        await Expect(first.Locator(".history-emotion")).ToHaveAttributeAsync("data-emotion", "happy");
    }
}
