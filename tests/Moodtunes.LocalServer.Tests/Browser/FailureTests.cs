using System.Text.Json.Nodes;
using Microsoft.Playwright;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed class FailureTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task A_pdf_named_like_a_photo_fails_on_the_phone_and_never_reaches_the_server()
    {
        var phone = await OpenPhoneAsync();

        await phone.ChooseFileAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = BadFiles.Pdf });

        await phone.ExpectFailedAsync(FailureCode.NotAnImage);
        // The same file would fail the same way: the one way on is another photo.
        await Expect(phone.Status).ToHaveTextAsync("That file isn’t a photo");
        await Expect(phone.Page.GetByTestId("retry")).ToBeHiddenAsync();
        await Expect(phone.Page.GetByTestId("start-over")).ToHaveTextAsync("Take another photo");
        await Expect(phone.Page.GetByTestId("failure-message")).Not.ToBeEmptyAsync();
        await phone.OpenHistoryAsync();
        await Expect(phone.Page.GetByTestId("history-empty")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_photo_without_a_face_fails_with_no_face_for_good_on_the_server()
    {
        var phone = await OpenPhoneAsync();

        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Coffee));

        await phone.ExpectFailedAsync(FailureCode.NoFace);
        await Expect(phone.Page.GetByTestId("failure-message")).ToHaveTextAsync("We read moods from a face. Try a closer, well-lit selfie, facing the camera.");

        // The attempt ended for good on the server: nothing is left "still analyzing".
        await phone.OpenHistoryAsync();
        await Expect(phone.HistoryItems).ToHaveCountAsync(1);
        foreach (var item in await phone.HistoryItems.AllAsync())
        {
            await Expect(item).ToHaveAttributeAsync("data-status", "failed");
            await Expect(item.Locator(".history-emotion")).ToHaveAttributeAsync("data-failure-code", FailureCode.NoFace.ToWire());
        }
    }

    [Fact]
    public async Task A_photo_over_the_targets_maxBytes_is_refused_on_the_phone_with_that_limit_in_the_message()
    {
        var phone = await OpenPhoneAsync();
        // A target that allows less than any prepared photo: the page must take the limit from the answer.
        await phone.Page.RouteAsync("**/api/uploads", async route =>
        {
            var response = await route.FetchAsync();
            var body = JsonNode.Parse(await response.TextAsync())!;
            body["upload"]!["maxBytes"] = 2048;
            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        var sent = 0;
        phone.Page.Request += (_, request) => sent += request.Url.Contains("/local-uploads", StringComparison.Ordinal) ? 1 : 0;

        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));

        await phone.ExpectFailedAsync(FailureCode.FileTooLarge);
        await Expect(phone.Page.GetByTestId("failure-message")).ToContainTextAsync("2 kB");
        Assert.Equal(0, sent);
    }
}
