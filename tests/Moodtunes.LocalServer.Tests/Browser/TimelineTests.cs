using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moodtunes.Core.Emotions;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>"Mood over time" at the top of the history (issue 17), on a phone in Seoul with 30 days of selfies.</summary>
public sealed class TimelineTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    /// <summary>Sunday first, as <see cref="DayOfWeek"/> counts (the tests run without ICU cultures).</summary>
    private static readonly string[] KoreanDayNames = ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"];

    [Fact]
    public async Task The_history_opens_with_the_week_and_a_recap_and_switches_to_30_days_by_keyboard()
    {
        var (history, today) = await SeedThirtyDaysAsync();
        var sadDay = today.AddDays(-3);
        var phone = await OpenPhoneAsync(deviceToken: history.Token, timeZone: "Asia/Seoul");

        await phone.OpenHistoryAsync();

        var timeline = phone.Page.GetByTestId("mood-timeline");
        await Expect(timeline).ToBeVisibleAsync();
        await Expect(timeline.GetByRole(AriaRole.Heading, new() { Name = "Your mood over time" })).ToBeVisibleAsync();
        var weekday = sadDay.DayOfWeek.ToString();
        await Expect(phone.Page.GetByTestId("timeline-recap")).ToHaveTextAsync($"Mostly happy this week, one sad {weekday}.");
        var week = phone.Page.GetByTestId("timeline-span-7");
        await Expect(week).ToHaveAttributeAsync("aria-pressed", "true");
        var days = phone.Page.GetByTestId("timeline-day");
        await Expect(days).ToHaveCountAsync(7);
        await Expect(days.Last).ToHaveAttributeAsync("data-date", Iso(today));
        await Expect(phone.Page.Locator($"[data-testid=timeline-day][data-date='{Iso(sadDay)}']")).ToHaveAttributeAsync("data-emotion", "sad");
        // The chart is decoration for screen readers; the table says the same.
        await Expect(phone.Page.GetByTestId("timeline-chart")).ToHaveAttributeAsync("aria-hidden", "true");
        var table = timeline.GetByRole(AriaRole.Table, new() { Name = "Your mood each day, last 7 days" });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(7);
        await Expect(table.Locator("tbody tr").Nth(3)).ToContainTextAsync("Sad");
        await Expect(table.Locator("tbody tr").Nth(6)).ToContainTextAsync("Happy");
        var shares = phone.Page.GetByTestId("timeline-share");
        await Expect(shares.First).ToHaveAttributeAsync("data-emotion", "happy");
        await Expect(shares).ToHaveCountAsync(2);
        // Six happy days of two selfies, one sad day of one: 12 of 13.
        await Expect(shares.First).ToContainTextAsync("92%");
        await phone.ScreenshotAsync("history-timeline");
        await MoodtunesPage.ScreenshotAsync(timeline, "timeline-week");

        await week.FocusAsync();
        await phone.Page.Keyboard.PressAsync("Tab");
        await phone.Page.Keyboard.PressAsync("Enter");

        var month = phone.Page.GetByTestId("timeline-span-30");
        await Expect(month).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(month).ToBeFocusedAsync();
        await Expect(days).ToHaveCountAsync(30);
        await Expect(phone.Page.Locator("[data-testid=timeline-day][data-emotion='']")).ToHaveCountAsync(7);
        await Expect(timeline.GetByRole(AriaRole.Table, new() { Name = "Your mood each day, last 30 days" }).Locator("tbody tr")).ToHaveCountAsync(30);
        await Expect(shares).ToHaveCountAsync(5);
        await phone.ScreenshotAsync("history-timeline-30");
        await MoodtunesPage.ScreenshotAsync(timeline, "timeline-month");

        // The recap is about the week whatever the span, and speaks Korean too.
        await phone.Page.GetByTestId("lang-switch").ClickAsync();
        var koWeekday = KoreanDayNames[(int)sadDay.DayOfWeek];
        await Expect(phone.Page.GetByTestId("timeline-recap")).ToHaveTextAsync($"이번 주는 대체로 행복, {koWeekday}에 한 번 슬픔.");
        await Expect(timeline.GetByRole(AriaRole.Heading, new() { Name = "시간에 따른 내 기분" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_phone_without_history_shows_no_timeline_and_deleting_the_history_removes_it()
    {
        var history = new SeededHistory(Services);
        await history.AddAsync(Emotion.Happy, DateTimeOffset.UtcNow.AddMinutes(-5));
        var phone = await OpenPhoneAsync(deviceToken: history.Token);
        await phone.OpenHistoryAsync();
        await Expect(phone.Page.GetByTestId("timeline-recap")).ToHaveTextAsync(new Regex("^Just one day this week: happy on [A-Z][a-z]+day\\.$"));

        await phone.Page.GetByTestId("delete-all").ClickAsync();
        await phone.Page.GetByTestId("delete-all-confirm").ClickAsync();

        await Expect(phone.Page.GetByTestId("history-empty")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByTestId("mood-timeline")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_week_level_at_the_top_is_a_mix_and_a_single_day_is_never_its_own_exception()
    {
        var history = new SeededHistory(Services);
        var now = DateTimeOffset.UtcNow;
        await history.AddAsync(Emotion.Sad, now.AddDays(-2));
        await history.AddAsync(Emotion.Neutral, now.AddMinutes(-5));
        var phone = await OpenPhoneAsync(deviceToken: history.Token, timeZone: "UTC");
        await phone.OpenHistoryAsync();

        await Expect(phone.Page.GetByTestId("timeline-recap")).ToHaveTextAsync("A mix of sad and neutral this week.");
        await phone.Page.GetByTestId("lang-switch").ClickAsync();
        await Expect(phone.Page.GetByTestId("timeline-recap")).ToHaveTextAsync("이번 주 기분: 슬픔, 무표정 반반.");
    }

    /// <summary>
    /// The last 7 days: two happy selfies a day, except one sad one three days ago. Days 7..29: neutral or
    /// surprised, every third day without a selfie, every fifth with an angry one too (earlier that day).
    /// </summary>
    private async Task<(SeededHistory History, DateOnly Today)> SeedThirtyDaysAsync()
    {
        var history = new SeededHistory(Services);
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.ToOffset(Seoul).DateTime);
        DateTimeOffset At(int daysAgo, int hour)
        {
            var at = new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0)), Seoul);
            return at < now ? at : now.AddMinutes(-hour);
        }

        for (var d = 0; d < 7; d++)
        {
            if (d == 3)
            {
                await history.AddAsync(Emotion.Sad, At(d, 9));
                continue;
            }

            await history.AddAsync(Emotion.Happy, At(d, 1));
            await history.AddAsync(Emotion.Happy, At(d, 2));
        }

        for (var d = 7; d < 30; d++)
        {
            if (d % 3 == 0)
            {
                continue;
            }

            if (d % 5 == 0)
            {
                await history.AddAsync(Emotion.Angry, At(d, 8));
            }

            await history.AddAsync(d % 3 == 1 ? Emotion.Neutral : Emotion.Surprise, At(d, 12));
        }

        return (history, today);
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
