using Moodtunes.Api.Analyses;
using Moodtunes.Api.Http;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.History;

public sealed record HistoryResponse(IReadOnlyList<AnalysisResponse> Items, string? NextCursor);

/// <summary>The mood timeline (docs/api.md): the window's length and the days in it that have a done analysis.</summary>
public sealed record HistorySummaryResponse(int Days, int WeekDays, DateOnly Today, IReadOnlyList<MoodDayResponse> Daily);

public sealed record MoodDayResponse(DateOnly Date, Emotion Emotion, IReadOnlyDictionary<Emotion, int> Counts);

public static class HistoryEndpoints
{
    public static IServiceCollection AddHistory(this IServiceCollection services) => services.AddSingleton<HistoryService>();

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup(string.Empty).RequireDeviceToken();
        history.MapGet(ApiRoutes.History, ListAsync).WithName("GetHistory").WithSummary("This device's analyses, newest first.");
        history.MapGet(ApiRoutes.HistorySummary, SummaryAsync).WithName("GetHistorySummary").WithSummary($"This device's emotions per local day, last {MoodTimeline.Days} days.");
        history.MapDelete(ApiRoutes.History, DeleteAllAsync).WithName("DeleteHistory");
        return app;
    }

    private static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult>> ListAsync(
        HistoryService history, TrackCatalog catalog, HttpContext context, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        await history.ListAsync(context.DeviceId(), limit, cursor, cancellationToken).ConfigureAwait(false) switch
        {
            HistoryOutcome.Listed(var page) => TypedResults.Ok(
                new HistoryResponse([.. page.Items.Select(analysis => AnalysisResponse.From(analysis, catalog))], page.NextCursor)),
            HistoryOutcome.BadLimit => Problems.Result(
                StatusCodes.Status400BadRequest, ProblemCode.BadLimit, $"limit is between 1 and {HistoryService.MaxPageSize}."),
            _ => Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.BadCursor, "cursor is not one this API returned."),
        };

    private static async Task<Results<Ok<HistorySummaryResponse>, ProblemHttpResult>> SummaryAsync(
        HistoryService history, HttpContext context, CancellationToken cancellationToken, int offsetMinutes = 0)
    {
        // A range check, not Math.Abs: the absolute value of int.MinValue overflows.
        if (offsetMinutes is < -MoodTimeline.MaxOffsetMinutes or > MoodTimeline.MaxOffsetMinutes)
        {
            return Problems.Result(
                StatusCodes.Status400BadRequest, ProblemCode.BadOffset, $"offsetMinutes is between -{MoodTimeline.MaxOffsetMinutes} and {MoodTimeline.MaxOffsetMinutes}.");
        }

        var summary = await history.SummarizeAsync(context.DeviceId(), TimeSpan.FromMinutes(offsetMinutes), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new HistorySummaryResponse(
            MoodTimeline.Days, MoodTimeline.WeekDays, summary.Today, [.. summary.Days.Select(d => new MoodDayResponse(d.Date, d.Emotion, d.Counts))]));
    }

    private static async Task<NoContent> DeleteAllAsync(HistoryService history, HttpContext context, CancellationToken cancellationToken)
    {
        await history.DeleteAllAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
