using Moodtunes.Core.Analyses;

namespace Moodtunes.Core.Emotions;

/// <summary>One emotion read at one instant (a finished analysis, as the timeline needs it).</summary>
public sealed record MoodReading(DateTimeOffset At, Emotion Emotion);

/// <summary>The emotions of one local day: how often each was read, and the one that colours the day.</summary>
/// <param name="Emotion">The most frequent; a tie goes to the one read last that day.</param>
public sealed record MoodDay(DateOnly Date, IReadOnlyDictionary<Emotion, int> Counts, Emotion Emotion);

/// <summary>Readings grouped by the viewer's local day, for the history's "mood over time".</summary>
public static class MoodTimeline
{
    /// <summary>The days the timeline covers: as long as analyses are kept.</summary>
    public const int Days = AnalysisRetention.Days;

    /// <summary>The short view ("this week").</summary>
    public const int WeekDays = 7;

    /// <summary>The furthest a time zone is from UTC (UTC−12 … UTC+14), in minutes.</summary>
    public const int MaxOffsetMinutes = 14 * 60;

    /// <summary>The last day the viewer sees, in their time zone.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeSpan offset) => DateOnly.FromDateTime(now.ToOffset(offset).DateTime);

    /// <summary>The <see cref="Days"/> days up to <paramref name="today"/> that have readings, oldest first.</summary>
    public static IReadOnlyList<MoodDay> Build(IEnumerable<MoodReading> readings, DateOnly today, TimeSpan offset)
    {
        var first = today.AddDays(1 - Days);
        return
        [
            .. readings
                .Select(r => (Date: DateOnly.FromDateTime(r.At.ToOffset(offset).DateTime), r.At, r.Emotion))
                .Where(r => r.Date >= first && r.Date <= today)
                .GroupBy(r => r.Date)
                .OrderBy(g => g.Key)
                .Select(day =>
                {
                    var counts = day.GroupBy(r => r.Emotion).ToDictionary(g => g.Key, g => g.Count());
                    var top = counts
                        .OrderByDescending(c => c.Value)
                        .ThenByDescending(c => day.Where(r => r.Emotion == c.Key).Max(r => r.At))
                        .First().Key;
                    return new MoodDay(day.Key, counts, top);
                }),
        ];
    }
}
