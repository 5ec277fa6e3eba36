using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

public sealed partial class LanguageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task Switching_to_Korean_translates_the_page_and_survives_a_reload()
    {
        var phone = await OpenPhoneAsync("en-US");
        // Its accessible name starts with the text it shows (WCAG 2.5.3, axe label-content-name-mismatch).
        await Expect(phone.Page.GetByTestId("lang-switch")).ToHaveAccessibleNameAsync(new Regex("^한국어"));
        var heading = phone.Page.Locator("#capture-heading");
        await Expect(phone.Html).ToHaveAttributeAsync("lang", "en");
        var english = await heading.InnerTextAsync();
        Assert.DoesNotMatch(Hangul(), english);

        await phone.Page.GetByTestId("lang-switch").ClickAsync();

        await ExpectKoreanAsync(phone);
        await Expect(phone.Page.GetByTestId("lang-switch")).ToHaveAccessibleNameAsync(new Regex("^English"));
        Assert.NotEqual(english, await heading.InnerTextAsync());
        await phone.ReloadAsync();
        await ExpectKoreanAsync(phone);
        await phone.ScreenshotAsync("korean");
    }

    [Fact]
    public async Task A_phone_set_to_Korean_opens_the_page_in_Korean()
    {
        var phone = await OpenPhoneAsync("ko-KR");

        await ExpectKoreanAsync(phone);
    }

    private static async Task ExpectKoreanAsync(MoodtunesPage phone)
    {
        await Expect(phone.Html).ToHaveAttributeAsync("lang", "ko");
        await Expect(phone.Page.Locator("#capture-heading")).ToHaveTextAsync(Hangul());
        await Expect(phone.Status).ToHaveTextAsync(Hangul());
        await Expect(phone.Page.GetByTestId("nav-history")).ToHaveTextAsync(Hangul());
        // The switch now offers the way back, labelled in English.
        await Expect(phone.Page.GetByTestId("lang-switch")).ToHaveAttributeAsync("lang", "en");
    }

    /// <summary>Hangul syllables, written as a range both .NET and Playwright's JavaScript regexes read.</summary>
    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}
