using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Moodtunes.Api.History;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// The result screen (issue 23): one clear answer first, one question at a time and no songs under it, Back to the
/// start, a calm failure with one way on; on a phone (390×844) and a desktop window (1280×800), in both languages.
/// </summary>
public sealed class ResultScreenTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture)
{
    private const string Questions = "[data-testid=mood-picker], [data-testid$=-choice]";

    [Theory]
    [InlineData("en-US", "result-confident")]
    [InlineData("ko-KR", "result-confident-ko")]
    public async Task A_sure_reading_leads_with_the_emotion_and_the_first_song_starts_on_the_first_screen(string locale, string screenshot)
    {
        var phone = await OpenPhoneAsync(locale);
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        await phone.ExpectDoneAsync();
        await phone.TrackIdsAsync();

        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-feeling", "happy");
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-unsure", "false");
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
        // The seven bars are one tap away, not on the first screen.
        await Expect(phone.Page.GetByTestId("emotion-bars")).ToBeHiddenAsync();
        var top = await TopOfFirstSongAsync(phone);
        output.WriteLine($"{locale}: the first song starts {top:F0} px down on a 390×844 phone");
        Assert.True(top < 844, $"The first song starts {top} px down, below the first screen (844 px).");
        // Without media, "no preview" is said once above the list, never on a row.
        await Expect(phone.Page.GetByTestId("previews-unavailable")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("track-no-preview").First).ToHaveClassAsync("sr-only");
        await phone.ScreenshotAsync(screenshot);

        await phone.Page.GetByTestId("emotion-details").Locator("summary").ClickAsync();
        await Expect(phone.Page.GetByTestId("emotion-bar")).ToHaveCountAsync(7);
    }

    [Theory]
    [InlineData("en-US", "result-desktop")]
    [InlineData("ko-KR", "result-desktop-ko")]
    public async Task A_wide_window_puts_the_photo_and_reading_beside_the_songs(string locale, string screenshot)
    {
        var desktop = await OpenPhoneAsync(locale, desktop: true);
        await desktop.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        await desktop.ExpectDoneAsync();
        await desktop.TrackIdsAsync();

        var reading = await BoxAsync(desktop.Page.Locator(".result-reading"));
        var songs = await BoxAsync(desktop.Page.GetByTestId("tracks"));
        Assert.True(reading.X + reading.Width <= songs.X, $"The reading ({reading.X}+{reading.Width}) should end left of the songs ({songs.X}).");
        Assert.True(Math.Abs(reading.Y - songs.Y) < 40, $"Reading at {reading.Y}, songs at {songs.Y}: not side by side.");
        Assert.True(songs.Y < 800 && (await TopOfFirstSongAsync(desktop)) < 800);
        await desktop.ScreenshotAsync(screenshot);
    }

    [Theory]
    [InlineData("en-US", "We couldn’t quite tell — how do you feel?", "result-unsure")]
    [InlineData("ko-KR", "잘 모르겠어요 — 지금 기분이 어떠세요?", "result-unsure-ko")]
    public async Task An_unsure_reading_asks_how_you_feel_one_question_at_a_time_and_records_the_answer(string locale, string question, string screenshot)
    {
        var history = new SeededHistory(Services);
        var unsure = await history.AddUnsureAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        var phone = await OpenPhoneAsync(locale, fragment: $"#result/{unsure.Id}", deviceToken: history.Token);
        await Expect(phone.Result).ToBeVisibleAsync();

        // The headline is the question; its answers are the two likeliest emotions, and moods instead.
        await Expect(phone.EmotionLabel).ToHaveTextAsync($"🤔 {question}");
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-feeling", "");
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(1);
        var answers = phone.Page.GetByTestId("feel-answer");
        await Expect(answers).ToHaveCountAsync(2);
        Assert.Equal(["fear", "sad"], await answers.EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.emotion)"));
        await Expect(phone.Page.GetByTestId("mood-chip-relaxing")).ToBeVisibleAsync();
        await Expect(phone.Tracks).ToHaveCountAsync(0);
        await phone.ScreenshotAsync(screenshot);

        // Unanswered, the timeline leaves it out and the history says unsure: the model's guess is not the person's mood.
        Assert.Empty((await SummaryAsync(history)).Days);
        await phone.OpenHistoryAsync();
        await Expect(phone.HistoryItems.Locator(".history-emotion")).ToHaveAttributeAsync("data-emotion", "unsure");
        await phone.Page.GoBackAsync();
        await Expect(phone.Page.GetByTestId("feel-choice")).ToBeVisibleAsync();

        // "Sad" is answered at once; the next question is the sad one, alone, still without songs.
        await answers.Nth(1).ClickAsync();
        await Expect(phone.Page.GetByTestId("sad-choice")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(1);
        await Expect(phone.Tracks).ToHaveCountAsync(0);
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-feeling", "sad");

        await phone.Page.GetByTestId("sad-cheer-up").ClickAsync();
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
        Assert.True(await TopOfFirstSongAsync(phone) < 844);

        // What the person picked is what the timeline records.
        var day = Assert.Single((await SummaryAsync(history)).Days);
        Assert.Equal(Emotion.Sad, day.Emotion);
        Assert.Equal(1, day.Counts[Emotion.Sad]);
        Assert.False(day.Counts.ContainsKey(Emotion.Fear));

        // A reload shows the answered result, not the question again.
        await phone.ReloadAsync();
        await Expect(phone.EmotionLabel).ToHaveAttributeAsync("data-feeling", "sad");
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
        await Expect(phone.Tracks.First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_sure_sad_reading_asks_match_or_cheer_up_before_any_song()
    {
        var history = new SeededHistory(Services);
        var sad = await history.AddAsync(Emotion.Sad, DateTimeOffset.UtcNow.AddMinutes(-1));
        var phone = await OpenPhoneAsync(fragment: $"#result/{sad.Id}", deviceToken: history.Token);
        await Expect(phone.Result).ToBeVisibleAsync();

        await Expect(phone.Page.GetByTestId("sad-choice")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(1);
        await Expect(phone.Page.GetByTestId("tracks")).ToBeHiddenAsync();
        await Expect(phone.Tracks).ToHaveCountAsync(0);
        await phone.ScreenshotAsync("result-sad-question");

        await phone.Page.GetByTestId("sad-match").ClickAsync();
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Pick_moods_instead_asks_over_the_songs_and_keep_these_songs_brings_them_back()
    {
        var history = new SeededHistory(Services);
        var happy = await history.AddAsync(Emotion.Happy, DateTimeOffset.UtcNow.AddMinutes(-1));
        var phone = await OpenPhoneAsync(fragment: $"#result/{happy.Id}", deviceToken: history.Token);
        var first = await phone.TrackIdsAsync();

        await phone.Page.GetByTestId("change-moods").ClickAsync();
        await Expect(phone.Page.GetByTestId("mood-picker")).ToBeVisibleAsync();
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(1);
        await Expect(phone.Tracks).ToHaveCountAsync(0);

        await phone.Page.GetByTestId("keep-songs").ClickAsync();
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
        Assert.Equal(first, await phone.TrackIdsAsync());

        await phone.Page.GetByTestId("change-moods").ClickAsync();
        await phone.Page.GetByTestId("mood-chip-exercise").ClickAsync();
        await phone.Page.GetByTestId("get-tracks").ClickAsync();
        await Expect(phone.Page.Locator("#tracks-heading")).ToHaveTextAsync("Tracks for Exercise");
        await Expect(phone.Page.Locator(Questions)).ToHaveCountAsync(0);
        Assert.True((await phone.TrackIdsAsync()).Count >= 5);
    }

    [Fact]
    public async Task Back_from_a_result_returns_to_the_start_screen_and_a_reload_keeps_the_result()
    {
        var phone = await OpenPhoneAsync();
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Astronaut));
        var id = await phone.ExpectDoneAsync();

        await phone.ReloadAsync();
        await Expect(phone.Result).ToBeVisibleAsync();
        await Expect(phone.Result).ToHaveAttributeAsync("data-analysis-id", id);

        await phone.Page.GoBackAsync();
        await Expect(phone.Page.GetByTestId("capture-view")).ToBeVisibleAsync();
        await Expect(phone.Result).ToBeHiddenAsync();
        Assert.DoesNotContain("#result", phone.Page.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US", "No face in this photo", "Take another photo", "failure")]
    [InlineData("ko-KR", "사진에서 얼굴을 찾지 못했어요", "다른 사진 찍기", "failure-ko")]
    public async Task No_face_says_what_happened_calmly_with_one_way_on_another_photo(string locale, string title, string action, string screenshot)
    {
        var phone = await OpenPhoneAsync(locale);
        await phone.ChooseFileAsync(MoodtunesPage.Photo(TestPhotos.Coffee));

        await phone.ExpectFailedAsync(FailureCode.NoFace);
        await Expect(phone.Status).ToHaveTextAsync(title);
        await Expect(phone.Page.GetByTestId("retry")).ToBeHiddenAsync();
        var another = phone.Page.GetByTestId("start-over");
        await Expect(another).ToHaveTextAsync(action);
        await Expect(another).ToHaveClassAsync("primary");
        await phone.ScreenshotAsync(screenshot);

        await another.ClickAsync();
        await Expect(phone.Page.GetByTestId("capture-view")).ToBeVisibleAsync();
        await Expect(phone.Failure).ToBeHiddenAsync();
    }

    private async Task<MoodSummary> SummaryAsync(SeededHistory history) =>
        await Services.GetRequiredService<HistoryService>().SummarizeAsync(history.DeviceId, TimeSpan.Zero, CancellationToken.None);

    /// <summary>Where the first song's row starts, from the top of the page as it opens (scrolled to the top).</summary>
    private static async Task<double> TopOfFirstSongAsync(MoodtunesPage phone)
    {
        await phone.Page.EvaluateAsync("() => window.scrollTo(0, 0)");
        return (await BoxAsync(phone.Tracks.First)).Y;
    }

    private static async Task<LocatorBoundingBoxResult> BoxAsync(ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException("Not on screen.");
}
