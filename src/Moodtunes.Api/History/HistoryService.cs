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

    /// <summary>The summary reads the store in pages this large: 30 days of a busy device in a few reads.</summary>
    private const int SummaryPageSize = 200;

    public async Task<HistoryOutcome> ListAsync(string deviceId, int? limit, string? cursor, CancellationToken cancellationToken)
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
    /// The device's done analyses of the last <see cref="MoodTimeline.Days"/> local days, by day. One read of the
    /// history in large pages, newest first, stopping at the first analysis before the window.
    /// </summary>
    public async Task<MoodSummary> SummarizeAsync(string deviceId, TimeSpan offset, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = MoodTimeline.Today(now, offset);
        var windowStart = new DateTimeOffset(today.AddDays(1 - MoodTimeline.Days).ToDateTime(TimeOnly.MinValue), offset);
        var readings = new List<MoodReading>();
        string? cursor = null;
        do
        {
            var page = await store.ListAsync(deviceId, SummaryPageSize, cursor, cancellationToken).ConfigureAwait(false);

            // What the person felt (their answer, or a sure reading): pending and failed analyses, and an unsure
            // reading nobody answered, say nothing about it.
            readings.AddRange(page.Items.Select(a => a.Feeling is { } felt ? new MoodReading(a.CreatedAt, felt) : null).OfType<MoodReading>());
            cursor = page.Items.Count > 0 && page.Items[^1].CreatedAt < windowStart ? null : page.NextCursor;
        }
        while (cursor is not null);

        return new MoodSummary(today, MoodTimeline.Build(readings, today, offset));
    }

    public Task<int> DeleteAllAsync(string deviceId, CancellationToken cancellationToken) => store.DeleteAllAsync(deviceId, cancellationToken);
}
