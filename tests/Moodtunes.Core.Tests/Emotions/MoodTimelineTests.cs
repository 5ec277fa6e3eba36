using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Tests.Emotions;

public sealed class MoodTimelineTests
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);
    private static readonly DateOnly Today = new(2026, 12, 2);

    [Fact]
    public void Readings_are_grouped_by_local_day_oldest_first_with_a_count_per_emotion()
    {
        MoodReading[] readings =
        [
            Reading(Today, 9, Emotion.Happy),
            Reading(Today.AddDays(-2), 9, Emotion.Sad),
            Reading(Today, 10, Emotion.Happy),
            Reading(Today, 11, Emotion.Sad),
        ];

        var days = MoodTimeline.Build(readings, Today, Seoul);

        Assert.Equal([Today.AddDays(-2), Today], days.Select(d => d.Date));
        Assert.Equal(Emotion.Happy, days[1].Emotion);
        Assert.Equal(new Dictionary<Emotion, int> { [Emotion.Happy] = 2, [Emotion.Sad] = 1 }, days[1].Counts);
    }

    [Fact]
    public void A_tie_goes_to_the_emotion_read_last_that_day()
    {
        var days = MoodTimeline.Build([Reading(Today, 9, Emotion.Sad), Reading(Today, 20, Emotion.Angry), Reading(Today, 10, Emotion.Sad), Reading(Today, 8, Emotion.Angry)], Today, Seoul);

        Assert.Equal(Emotion.Angry, Assert.Single(days).Emotion);
    }

    [Fact]
    public void Only_the_last_30_local_days_count()
    {
        var days = MoodTimeline.Build(
            [Reading(Today.AddDays(-30), 12, Emotion.Fear), Reading(Today.AddDays(-29), 0, Emotion.Happy), Reading(Today.AddDays(1), 0, Emotion.Sad)],
            Today,
            Seoul);

        Assert.Equal(Today.AddDays(-29), Assert.Single(days).Date);
    }

    [Fact]
    public void The_day_is_the_viewers_not_utcs()
    {
        // 20:00 UTC on the 1st is 05:00 on the 2nd in Seoul.
        var evening = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

        Assert.Equal(Today, MoodTimeline.Build([new MoodReading(evening, Emotion.Happy)], Today, Seoul).Single().Date);
        Assert.Equal(Today.AddDays(-1), MoodTimeline.Build([new MoodReading(evening, Emotion.Happy)], Today, TimeSpan.Zero).Single().Date);
        Assert.Equal(Today, MoodTimeline.Today(evening, Seoul));
    }

    private static MoodReading Reading(DateOnly day, int hour, Emotion emotion) =>
        new(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), Seoul), emotion);
}
