using Moodtunes.Core.Analyses;

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

/// <summary>The caller's device's analyses, newest first, as they read now; reading never writes.</summary>
public sealed class HistoryService(IAnalysisStore store, TimeProvider clock)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 50;

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

    public Task<int> DeleteAllAsync(string deviceId, CancellationToken cancellationToken) => store.DeleteAllAsync(deviceId, cancellationToken);
}
