using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed class ShareTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_local_page_offers_a_QR_code_of_its_address_for_phones()
    {
        var phone = await OpenPhoneAsync("en-US");
        var share = phone.Page.GetByTestId("share-qr");

        await Expect(share).ToBeVisibleAsync();
        await share.Locator("summary").ClickAsync();
        var qr = share.Locator("img");
        await Expect(qr).ToBeVisibleAsync();
        Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the QR image should load");
        // The tests' server listens on 127.0.0.1: the code holds that, and the page warns a phone cannot open it.
        await Expect(phone.Page.GetByTestId("share-loopback")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("share-loopback")).ToContainTextAsync("127.0.0.1");
        await Expect(phone.Page.GetByTestId("share-loopback")).ToContainTextAsync("--urls http://0.0.0.0:5080");
    }
}
