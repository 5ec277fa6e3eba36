using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;

namespace Moodtunes.Api.History;

public abstract record HistoryOutcome
{
    private HistoryOutcome()
    {
    }

    public sealed record Listed(HistoryPage Page) : HistoryOutcome;

    public sealed record BadLimit : HistoryOutcome;

    /// <summary>A cursor no store issued: the caller's mistake, not ours.</summary>
    public sealed record BadCursor : HistoryOutcome;
}

/// <summary>The mood timeline of a device: the viewer's today and the days up to it that have a done analysis.</summary>
public sealed record MoodSummary(DateOnly Today, IReadOnlyList<MoodDay> Days);

/// <summary>The caller's device's analyses, newest first, as they read now; reading never writes.</summary>
public sealed class HistoryService(IAnalysisStore store, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 50;

    public async Task<HistoryOutcome> ListAsync(DeviceId deviceId, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return new HistoryOutcome.BadLimit();
        }

        HistoryPage page;
        try
        {
            page = await store.ListAsync(deviceId, limit ?? DefaultPageSize, cursor, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException) when (cursor is not null)
        {
            // The stores refuse a cursor they did not issue (docs/storage.md).
            return new HistoryOutcome.BadCursor();
        }

        var now = clock.GetUtcNow();
        return new HistoryOutcome.Listed(page with { Items = [.. page.Items.Select(a => a.AsSeenAt(now))] });
    }

    /// <summary>
    /// What the device felt over the last <see cref="MoodTimeline.Days"/> local days, by day: one read of that
    /// window, and of nothing but when each analysis was made and what the person felt (<see cref="Analysis.Feeling"/>:
    /// their answer, or a sure reading; an unanswered unsure reading says nothing).
    /// </summary>
    public async Task<MoodSummary> SummarizeAsync(DeviceId deviceId, TimeSpan offset, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = MoodTimeline.Today(now, offset);
        var windowStart = new DateTimeOffset(today.AddDays(1 - MoodTimeline.Days).ToDateTime(TimeOnly.MinValue), offset);
        var readings = await store.ListMoodsSinceAsync(deviceId, windowStart, cancellationToken).ConfigureAwait(false);
        return new MoodSummary(today, MoodTimeline.Build(readings, today, offset));
    }

    public Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken) => store.DeleteAllAsync(deviceId, cancellationToken);
}
