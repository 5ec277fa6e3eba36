using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moodtunes.Testing;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// Song previews on the result (issue 13). The server on this branch does not resolve media yet, so
/// <see cref="TrackMediaRoutes"/> adds it to the real analysis in the browser, answers the cover host, and
/// redirects previews to the <see cref="PreviewServer"/> stand-in.
/// </summary>
public sealed partial class PlayerTests(BrowserFixture fixture, PreviewServer previews) : BrowserTest(fixture), IClassFixture<PreviewServer>
{
    [Fact]
    public async Task Playing_a_preview_then_another_stops_the_first_so_only_one_plays()
    {
        // The third track is resolved but has no preview: a cover and links, no button.
        var phone = await OpenPhoneAsync(prepare: page => TrackMediaRoutes.RouteAsync(page, previews, (i, id) => TrackMediaRoutes.Media(id, preview: i != 2)));
        await ShowHappyResultAsync(phone);
        var first = phone.Tracks.Nth(0);
        var second = phone.Tracks.Nth(1);
        var firstPlay = first.GetByTestId("track-play");
        var secondPlay = second.GetByTestId("track-play");
        var (title, artist) = await TitleAndArtistAsync(first);
        await Expect(firstPlay).ToHaveAttributeAsync("data-state", "idle");
        await Expect(firstPlay).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(firstPlay).ToHaveAccessibleNameAsync($"Play preview of {title} by {artist}");
        await Expect(first.GetByTestId("track-progress")).ToBeHiddenAsync();

        await firstPlay.ClickAsync();

        await Expect(firstPlay).ToHaveAttributeAsync("data-state", "playing");
        await Expect(firstPlay).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(firstPlay).ToHaveAccessibleNameAsync($"Pause preview of {title} by {artist}");
        var firstId = await first.GetAttributeAsync("data-track-id");
        await ExpectAudioAdvancesAsync(phone, firstId);
        await Expect(first.GetByTestId("track-progress")).ToBeVisibleAsync();
        await Expect(first.GetByTestId("track-progress")).Not.ToHaveJSPropertyAsync("value", 0);
        // The stand-in was asked: the 302 was followed, and media-src let the other origin through.
        Assert.Contains($"{firstId}.wav", previews.Requests);
        await ExpectCoverLoadedAsync(first);
        await phone.ScreenshotAsync("result-player");

        await secondPlay.ClickAsync();

        await Expect(secondPlay).ToHaveAttributeAsync("data-state", "playing");
        await Expect(firstPlay).ToHaveAttributeAsync("data-state", "idle");
        await Expect(firstPlay).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(first.GetByTestId("track-progress")).ToBeHiddenAsync();
        await Expect(phone.Page.Locator("[data-testid=track-play][data-state=playing]")).ToHaveCountAsync(1);
        await ExpectAudioAdvancesAsync(phone, await second.GetAttributeAsync("data-track-id"));

        // Tapping the playing one pauses it; the keyboard works the same buttons.
        await secondPlay.ClickAsync();
        await Expect(secondPlay).ToHaveAttributeAsync("data-state", "paused");
        await Expect(secondPlay).ToHaveAttributeAsync("aria-pressed", "false");
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=preview-audio]').paused"));
        await firstPlay.FocusAsync();
        await phone.Page.Keyboard.PressAsync("Enter");
        await Expect(firstPlay).ToHaveAttributeAsync("data-state", "playing");
        await Expect(secondPlay).ToHaveAttributeAsync("data-state", "idle");

        var third = phone.Tracks.Nth(2);
        await Expect(third.GetByTestId("track-play")).ToHaveCountAsync(0);
        await Expect(third.GetByTestId("track-no-preview")).ToHaveTextAsync("No preview for this song");
        await Expect(third.GetByTestId("track-no-preview")).ToHaveClassAsync("sr-only");
        await ExpectOpenInLinksAsync(first, "deezer", "spotify", "youtube-music");
        await Expect(phone.Page.GetByTestId("previews-unavailable")).ToHaveTextAsync("Songs without ▶ have no preview; their links still work.");
        var attribution = phone.Page.GetByTestId("preview-attribution");
        await Expect(attribution).ToHaveTextAsync("Previews and covers from Deezer");
        await Expect(attribution.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "https://www.deezer.com");

        // Leaving the result ends its preview.
        await phone.OpenHistoryAsync();
        Assert.True(await phone.Page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=preview-audio]').paused"));
    }

    [Fact]
    public async Task A_phone_in_Korean_labels_the_play_button_in_Korean_and_a_language_switch_keeps_the_preview_playing()
    {
        var phone = await OpenPhoneAsync("ko-KR", prepare: page => TrackMediaRoutes.RouteAsync(page, previews, (_, id) => TrackMediaRoutes.Media(id)));
        await ShowHappyResultAsync(phone);
        var first = phone.Tracks.Nth(0);
        var play = first.GetByTestId("track-play");
        var (title, artist) = await TitleAndArtistAsync(first);
        await Expect(play).ToHaveAccessibleNameAsync($"{artist}의 {title} 미리 듣기 재생");
        await Expect(first.GetByTestId("track-why")).ToHaveTextAsync("경쾌하고 밝은 노래, 좋은 기분을 이어 가고 싶을 때");
        await Expect(phone.Page.GetByTestId("preview-attribution")).ToHaveTextAsync(Hangul());

        await play.ClickAsync();

        await Expect(play).ToHaveAttributeAsync("data-state", "playing");
        await Expect(play).ToHaveAccessibleNameAsync($"{artist}의 {title} 미리 듣기 일시 정지");
        await ExpectCoverLoadedAsync(first);
        await phone.ScreenshotAsync("result-player-ko");

        // The list is drawn again in English; the preview goes on and its button says so.
        await phone.Page.GetByTestId("lang-switch").ClickAsync();
        await Expect(phone.Html).ToHaveAttributeAsync("lang", "en");
        await Expect(play).ToHaveAttributeAsync("data-state", "playing");
        await Expect(play).ToHaveAccessibleNameAsync($"Pause preview of {title} by {artist}");
        await Expect(first.GetByTestId("track-why")).ToHaveTextAsync("Upbeat and bright, to keep the good mood going");
    }

    [Fact]
    public async Task Play_all_plays_the_previews_in_turn_and_the_row_playing_shows_it()
    {
        // The second track has no preview: play all goes from the first to the third.
        var phone = await OpenPhoneAsync(prepare: page => TrackMediaRoutes.RouteAsync(page, previews, (i, id) => TrackMediaRoutes.Media(id, preview: i != 1)));
        await ShowHappyResultAsync(phone);
        var first = phone.Tracks.Nth(0);
        var third = phone.Tracks.Nth(2);
        // Said once above the list, not on the row without a preview.
        await Expect(phone.Page.GetByTestId("previews-unavailable")).ToHaveTextAsync("Songs without ▶ have no preview; their links still work.");
        await Expect(phone.Tracks.Nth(1).GetByTestId("track-no-preview")).ToHaveClassAsync("sr-only");

        await phone.Page.GetByTestId("play-all").ClickAsync();

        await Expect(first.GetByTestId("track-play")).ToHaveAttributeAsync("data-state", "playing");
        await Expect(first).ToHaveClassAsync(new Regex(@"\bnow-playing\b"));
        await Expect(phone.Page.GetByTestId("play-all")).ToHaveAttributeAsync("aria-pressed", "true");
        // The first preview lasts a few seconds; when it ends the next one with a preview starts by itself.
        await Expect(third.GetByTestId("track-play")).ToHaveAttributeAsync("data-state", "playing", new() { Timeout = 30_000 });
        await Expect(first.GetByTestId("track-play")).ToHaveAttributeAsync("data-state", "idle");
        await Expect(first).Not.ToHaveClassAsync(new Regex(@"\bnow-playing\b"));
        await Expect(third).ToHaveClassAsync(new Regex(@"\bnow-playing\b"));
        await ExpectAudioAdvancesAsync(phone, await third.GetAttributeAsync("data-track-id"));
    }

    [Fact]
    public async Task A_list_without_media_says_previews_are_unavailable_and_keeps_the_links()
    {
        var phone = await OpenPhoneAsync(prepare: page => TrackMediaRoutes.RouteAsync(page, previews, (_, _) => null));
        await ShowHappyResultAsync(phone);

        await Expect(phone.Page.GetByTestId("previews-unavailable"))
            .ToHaveTextAsync("Previews are unavailable right now; the links still work.");
        await Expect(phone.Page.GetByTestId("track-play")).ToHaveCountAsync(0);
        await Expect(phone.Page.GetByTestId("preview-attribution")).ToBeHiddenAsync();
        var count = await phone.Tracks.CountAsync();
        await Expect(phone.Page.GetByTestId("track-no-preview")).ToHaveCountAsync(count);
        foreach (var track in await phone.Tracks.AllAsync())
        {
            await ExpectOpenInLinksAsync(track, "spotify", "youtube-music");
        }

        await phone.ScreenshotAsync("result-no-previews");
    }

    [Fact]
    public async Task A_preview_from_an_origin_the_CSP_does_not_list_fails_on_its_row_only()
    {
        // The page's own CSP this time: the stand-in's origin is not in media-src, so the browser refuses it.
        var phone = await OpenPhoneAsync(prepare: page => TrackMediaRoutes.RouteAsync(page, previews, (_, id) => TrackMediaRoutes.Media(id), allowStandIn: false));
        await ShowHappyResultAsync(phone);
        var first = phone.Tracks.Nth(0);
        var play = first.GetByTestId("track-play");

        await play.ClickAsync();

        await Expect(play).ToHaveAttributeAsync("data-state", "error");
        await Expect(play).ToHaveAttributeAsync("aria-pressed", "false");
        await Expect(first.GetByTestId("track-play-error")).ToBeVisibleAsync();
        await Expect(phone.Tracks.Nth(1).GetByTestId("track-play-error")).ToBeHiddenAsync();
        await ExpectOpenInLinksAsync(first, "deezer", "spotify", "youtube-music");
    }

    [Fact]
    public async Task The_shipped_CSP_allows_Deezer_covers_and_previews_and_connections_to_its_own_origin_only()
    {
        var phone = await OpenPhoneAsync();
        // The page as the server sends it (the API request context is not routed).
        var html = await (await phone.Page.APIRequest.GetAsync("/")).TextAsync();
        var csp = CspMeta().Match(html).Groups[1].Value.Split(';', StringSplitOptions.TrimEntries);

        Assert.Contains("img-src 'self' blob: data: https://e-cdns-images.dzcdn.net https://cdn-images.dzcdn.net", csp);
        Assert.Contains(TrackMediaRoutes.MediaSrc, csp);
        Assert.Contains("connect-src 'self'", csp);

        // Chromium enforces it: a request to another origin is refused before it leaves the page, while the
        // page's own upload (same origin here; on AWS the deployment adds the bucket) still goes through.
        var violated = await phone.Page.EvaluateAsync<string>("""
            () => new Promise((resolve) => {
              document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
              fetch('http://127.0.0.1:9/elsewhere').catch(() => {});
            })
            """);
        Assert.Equal("connect-src", violated);
        await ShowHappyResultAsync(phone);
    }

    private static async Task ShowHappyResultAsync(MoodtunesPage phone)
    {
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        await phone.ExpectDoneAsync();
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
    }

    private static async Task<(string Title, string Artist)> TitleAndArtistAsync(ILocator track)
    {
        var title = await track.Locator(".track-title").InnerTextAsync();
        // The artist line reads "by {artist}" in English and just the name in Korean.
        var artist = Regex.Replace(await track.Locator(".track-artist").InnerTextAsync(), "^by ", "");
        return (title, artist);
    }

    /// <summary>The page's one audio element plays this track's preview, and its clock moves.</summary>
    private static async Task ExpectAudioAdvancesAsync(MoodtunesPage phone, string? trackId)
    {
        var audio = phone.Page.GetByTestId("preview-audio");
        await Expect(audio).ToHaveJSPropertyAsync("currentSrc", $"{phone.Page.Url.Split('#')[0]}api/tracks/{trackId}/preview");
        var start = await audio.EvaluateAsync<double>("a => a.currentTime");
        await phone.Page.WaitForFunctionAsync(
            "start => !document.querySelector('[data-testid=preview-audio]').paused && document.querySelector('[data-testid=preview-audio]').currentTime > start + 0.25",
            start);
    }

    private static async Task ExpectCoverLoadedAsync(ILocator track)
    {
        var cover = track.GetByTestId("track-cover");
        await Expect(cover).ToHaveAttributeAsync("src", new Regex($"^{Regex.Escape(TrackMediaRoutes.CoverHost)}/"));
        await Expect(cover).ToHaveAttributeAsync("alt", new Regex(".+"));
        await Expect(cover).ToHaveJSPropertyAsync("complete", true);
        Assert.True(await cover.EvaluateAsync<int>("img => img.naturalWidth") > 0, "The cover did not load (CSP img-src?).");
    }

    private static async Task ExpectOpenInLinksAsync(ILocator track, params string[] providers)
    {
        var links = track.GetByTestId("track-link");
        await Expect(links).ToHaveCountAsync(providers.Length);
        for (var i = 0; i < providers.Length; i++)
        {
            var link = links.Nth(i);
            await Expect(link).ToHaveAttributeAsync("data-provider", providers[i]);
            await Expect(link).ToHaveAttributeAsync("target", "_blank");
            await Expect(link).ToHaveAttributeAsync("rel", new Regex(@"\bnoopener\b"));
            await Expect(link).ToHaveAttributeAsync("href", new Regex("^https://"));
        }
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")]
    private static partial Regex CspMeta();

    /// <summary>Hangul syllables, written as a range both .NET and Playwright's JavaScript regexes read.</summary>
    [GeneratedRegex("[\uAC00-\uD7A3]")]
    private static partial Regex Hangul();
}

/// <summary>The page on a server that really resolves media at Deezer's stand-in and redirects to its signed previews.</summary>
public sealed class PlayerOnARealServerTests(BrowserFixture fixture, DeezerServer server) : BrowserTest(fixture), IClassFixture<DeezerServer>
{
    [Fact]
    public async Task A_happy_selfie_gives_covers_and_a_preview_that_plays_then_another_stops_it()
    {
        var phone = await OpenPhoneAsync(server: server.Url, prepare: async page =>
        {
            await TrackMediaRoutes.AllowStandInAsync(page, server.Previews.Origin);
            await TrackMediaRoutes.RouteCoversAsync(page);
        });

        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        await phone.ExpectDoneAsync();

        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
        await Expect(phone.Page.Locator("[data-testid=track-cover][src^='https://e-cdns-images.dzcdn.net/']")).Not.ToHaveCountAsync(0);
        var first = phone.Tracks.Nth(0).GetByTestId("track-play");
        var second = phone.Tracks.Nth(1).GetByTestId("track-play");

        await first.ClickAsync();

        await Expect(first).ToHaveAttributeAsync("data-state", "playing");
        await phone.Page.WaitForFunctionAsync("() => document.querySelector('[data-testid=preview-audio]').currentTime > 0.25");
        // Our preview route answered a redirect to a URL the stand-in had just signed.
        Assert.Contains(server.Previews.Requests, name => name.EndsWith(".mp3", StringComparison.Ordinal));

        await second.ClickAsync();

        await Expect(second).ToHaveAttributeAsync("data-state", "playing");
        await Expect(first).Not.ToHaveAttributeAsync("data-state", "playing");
        await Expect(phone.Page.Locator("[data-testid=track-play][data-state=playing]")).ToHaveCountAsync(1);
    }
}
