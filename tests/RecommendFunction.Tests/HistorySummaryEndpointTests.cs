using System.Globalization;
using System.Net;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>GET /api/history/summary: the mood timeline, per local day of the caller, read without writing.</summary>
public sealed class HistorySummaryEndpointTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    [Fact]
    public async Task The_summary_counts_done_analyses_per_local_day_of_the_last_30_days()
    {
        using var device = new TestDevice(factory);
        var now = DateTimeOffset.UtcNow;
        var seoul = TimeSpan.FromHours(9);
        var today = DateOnly.FromDateTime(now.ToOffset(seoul).DateTime);
        var earlyToday = new DateTimeOffset(today.ToDateTime(new TimeOnly(0, 30)), seoul);
        await device.SeedDoneAsync(Emotion.Happy, Earlier(earlyToday, now));
        await device.SeedDoneAsync(Emotion.Sad, Earlier(earlyToday, now).AddSeconds(1));
        await device.SeedDoneAsync(Emotion.Sad, Earlier(earlyToday, now).AddSeconds(2));
        await device.SeedFailedAsync(FailureCode.NoFace, Earlier(earlyToday, now).AddSeconds(3));
        await device.SeedDoneAsync(Emotion.Angry, earlyToday.AddDays(-29));
        await device.SeedDoneAsync(Emotion.Fear, earlyToday.AddDays(-29).AddSeconds(1));

        var summary = await device.GetJsonAsync($"{ApiRoutes.HistorySummary}?offsetMinutes=540");

        Assert.Equal(30, summary.GetProperty("days").GetInt32());
        Assert.Equal(7, summary.GetProperty("weekDays").GetInt32());
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), summary.GetProperty("today").GetString());
        var daily = summary.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(2, daily.Count);
        // A tie goes to the emotion read last that day.
        Assert.Equal("fear", daily[0].GetProperty("emotion").GetString());
        Assert.Equal("sad", daily[1].GetProperty("emotion").GetString());
        Assert.Equal(2, daily[1].GetProperty("counts").GetProperty("sad").GetInt32());
        Assert.Equal(1, daily[1].GetProperty("counts").GetProperty("happy").GetInt32());
    }

    [Fact]
    public async Task An_unsure_reading_counts_as_the_answer_given_and_is_left_out_while_unanswered()
    {
        using var device = new TestDevice(factory);
        var now = DateTimeOffset.UtcNow;
        var answered = await device.SeedUnsureAsync(Emotion.Fear, now.AddMinutes(-3));
        await device.SeedUnsureAsync(Emotion.Angry, now.AddMinutes(-2));
        await device.PostTracksAsync(answered.Id, new { moods = Array.Empty<string>(), sadnessChoice = (string?)null, answer = "happy", more = false });

        var summary = await device.GetJsonAsync($"{ApiRoutes.HistorySummary}?offsetMinutes=0");

        var day = Assert.Single(summary.GetProperty("daily").EnumerateArray().ToList());
        Assert.Equal("happy", day.GetProperty("emotion").GetString());
        Assert.Equal("""{"happy":1}""", day.GetProperty("counts").GetRawText());
    }

    [Fact]
    public async Task Days_follow_the_callers_offset()
    {
        using var device = new TestDevice(factory);
        // 23:30 UTC yesterday is already today in Seoul.
        var utcToday = DateOnly.FromDateTime(DateTime.UtcNow);
        var lateYesterday = new DateTimeOffset(utcToday.AddDays(-1).ToDateTime(new TimeOnly(23, 30)), TimeSpan.Zero);
        await device.SeedDoneAsync(Emotion.Happy, lateYesterday);

        var utc = await device.GetJsonAsync(ApiRoutes.HistorySummary);
        var seoul = await device.GetJsonAsync($"{ApiRoutes.HistorySummary}?offsetMinutes=540");

        Assert.Equal(utcToday.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), utc.GetProperty("daily")[0].GetProperty("date").GetString());
        Assert.Equal(utcToday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), seoul.GetProperty("daily")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Reading_the_summary_writes_nothing()
    {
        using var device = new TestDevice(factory);
        var abandoned = await device.SeedPendingAsync(DateTimeOffset.UtcNow - AbandonedAnalyses.GiveUpAfter - TimeSpan.FromMinutes(1));

        var summary = await device.GetJsonAsync(ApiRoutes.HistorySummary);

        Assert.Equal(0, summary.GetProperty("daily").GetArrayLength());
        Assert.Equal(AnalysisStatus.Pending, (await factory.Analyses.GetAsync(device.DeviceId, abandoned.Id, CancellationToken.None))!.Status);
    }

    [Theory]
    [InlineData("offsetMinutes=841")]
    [InlineData("offsetMinutes=-841")]
    [InlineData("offsetMinutes=-2147483648")]
    [InlineData("offsetMinutes=2147483647")]
    public async Task An_offset_beyond_any_time_zone_is_a_400_problem(string query)
    {
        using var device = new TestDevice(factory);

        using var response = await device.Client.GetAsync($"{ApiRoutes.HistorySummary}?{query}");

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemCode.BadOffset);
    }

    /// <summary>Today at 00:30 local, unless that is still ahead (then a minute ago), so the analysis is in the past.</summary>
    private static DateTimeOffset Earlier(DateTimeOffset candidate, DateTimeOffset now) => candidate < now ? candidate : now.AddMinutes(-1);
}
