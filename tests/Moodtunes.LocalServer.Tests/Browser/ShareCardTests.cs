using System.Text.Json;
using Microsoft.Playwright;
using Moodtunes.Core.Emotions;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>The result as an image card made in the page: shared through the Web Share API, or downloaded (issue 17).</summary>
public sealed class ShareCardTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    /// <summary>A Web Share API that can share files and keeps what it was given (headless Linux Chromium has none).</summary>
    private const string RecordingShare = """
        window.__shared = [];
        navigator.canShare = (data) => !!(data && data.files && data.files.length);
        navigator.share = async (data) => {
          const file = data.files[0];
          window.__shared.push({ name: file.name, type: file.type, size: file.size, title: data.title });
        };
        """;

    [Fact]
    public async Task The_card_shows_the_emotion_and_three_songs_and_goes_to_the_share_sheet()
    {
        var history = new SeededHistory(Services);
        var analysis = await history.AddAsync(Emotion.Happy, DateTimeOffset.UtcNow.AddMinutes(-5));
        var phone = await OpenPhoneAsync(deviceToken: history.Token, fragment: $"#result/{analysis.Id}", prepare: page => page.AddInitScriptAsync(RecordingShare));
        await Expect(phone.Result).ToBeVisibleAsync();

        await phone.Page.GetByTestId("share-open").ClickAsync();

        var preview = phone.Page.GetByTestId("share-preview");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(preview).ToHaveAttributeAsync("alt", "Share card: Happy, with three songs");
        await Expect(preview).ToHaveJSPropertyAsync("complete", true);
        var size = await preview.EvaluateAsync<int[]>("img => [img.naturalWidth, img.naturalHeight]");
        Assert.Equal([1080, 1350], size);
        // The card's corner is the happy colour (#d35400): drawn from the result, not from the photo.
        var corner = await preview.EvaluateAsync<int[]>("""
            img => {
              const c = document.createElement('canvas');
              c.width = img.naturalWidth; c.height = img.naturalHeight;
              const ctx = c.getContext('2d');
              ctx.drawImage(img, 0, 0);
              return Array.from(ctx.getImageData(2, 2, 1, 1).data.slice(0, 3));
            }
            """);
        Assert.InRange(corner[0], 0xc3, 0xe3);
        Assert.InRange(corner[1], 0x44, 0x64);
        Assert.InRange(corner[2], 0x00, 0x10);
        await Expect(phone.Page.GetByTestId("share-panel").GetByRole(AriaRole.Heading, new() { Name = "Share card" })).ToBeFocusedAsync();
        await phone.ScreenshotAsync("result-share-card");
        await MoodtunesPage.ScreenshotAsync(phone.Page.GetByTestId("share-panel"), "share-card");

        await phone.Page.GetByTestId("share-send").ClickAsync();

        await Expect(phone.Page.GetByTestId("share-status")).ToHaveTextAsync("Shared.");
        var shared = await phone.Page.EvaluateAsync<JsonElement>("() => window.__shared");
        var file = Assert.Single(shared.EnumerateArray());
        Assert.Equal(
            ("moodtunes-happy.png", "image/png", "My mood today"),
            (file.GetProperty("name").GetString(), file.GetProperty("type").GetString(), file.GetProperty("title").GetString()));
        Assert.True(file.GetProperty("size").GetInt32() > 10_000, $"The card is {file.GetProperty("size")} bytes.");

        await phone.Page.GetByTestId("share-close").ClickAsync();
        await Expect(phone.Page.GetByTestId("share-panel")).ToBeHiddenAsync();
        await Expect(phone.Page.GetByTestId("share-open")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Without_the_Web_Share_API_the_card_is_downloaded_as_a_png()
    {
        var history = new SeededHistory(Services);
        var analysis = await history.AddAsync(Emotion.Sad, DateTimeOffset.UtcNow.AddMinutes(-5));
        var phone = await OpenPhoneAsync("ko-KR", deviceToken: history.Token, fragment: $"#result/{analysis.Id}");
        await Expect(phone.Result).ToBeVisibleAsync();
        await phone.Page.GetByTestId("share-open").ClickAsync();
        await Expect(phone.Page.GetByTestId("share-send")).ToHaveCountAsync(0);

        var download = await phone.Page.RunAndWaitForDownloadAsync(() => phone.Page.GetByTestId("share-download").ClickAsync());

        Assert.Equal("moodtunes-sad.png", download.SuggestedFilename);
        var png = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        await Expect(phone.Page.GetByTestId("share-status")).ToHaveTextAsync("이미지를 다운로드에 저장했습니다.");
        await phone.ScreenshotAsync("result-share-card-ko");
    }
}
