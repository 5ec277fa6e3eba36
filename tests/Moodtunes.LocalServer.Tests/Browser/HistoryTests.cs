using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed class HistoryTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task History_lists_newest_first_and_deleting_one_then_all_removes_them_for_good()
    {
        var phone = await OpenPhoneAsync();
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.GraceHopper));
        var older = await phone.ExpectDoneAsync();
        await phone.Page.GetByTestId("new-photo").ClickAsync();
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        var newer = await phone.ExpectDoneAsync();

        await phone.OpenHistoryAsync();
        await ExpectListedAsync(phone, newer, older);
        await phone.ScreenshotAsync("history");

        await phone.HistoryItems.First.GetByTestId("delete-one").ClickAsync();
        await ExpectListedAsync(phone, older);
        await phone.ReloadAsync();
        await ExpectListedAsync(phone, older);

        await phone.Page.GetByTestId("delete-all").ClickAsync();
        await Expect(phone.Page.GetByTestId("delete-all-confirm-panel")).ToBeVisibleAsync();
        await phone.Page.GetByTestId("delete-all-confirm").ClickAsync();
        await Expect(phone.Page.GetByTestId("history-empty")).ToBeVisibleAsync();
        await phone.ReloadAsync();
        await ExpectListedAsync(phone);
        await Expect(phone.Page.GetByTestId("history-empty")).ToBeVisibleAsync();
    }

    /// <summary>The history lists exactly these analyses, in this order.</summary>
    private static async Task ExpectListedAsync(MoodtunesPage phone, params string[] ids)
    {
        await Expect(phone.Page.GetByTestId("history-view")).Not.ToHaveAttributeAsync("aria-busy", "true");
        await Expect(phone.HistoryItems).ToHaveCountAsync(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            await Expect(phone.HistoryItems.Nth(i)).ToHaveAttributeAsync("data-analysis-id", ids[i]);
        }
    }
}
