using Moodtunes.Api.Analyses;
using Moodtunes.Api.Http;

namespace Moodtunes.Api.History;

public sealed record HistoryResponse(IReadOnlyList<AnalysisResponse> Items, string? NextCursor);

public static class HistoryEndpoints
{
    public static IServiceCollection AddHistory(this IServiceCollection services) => services.AddSingleton<HistoryService>();

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/history").RequireDeviceToken();
        history.MapGet("", ListAsync).WithName("GetHistory").WithSummary("This device's analyses, newest first.");
        history.MapDelete("", DeleteAllAsync).WithName("DeleteHistory");
        return app;
    }

    private static async Task<Results<Ok<HistoryResponse>, ProblemHttpResult>> ListAsync(
        HistoryService history, HttpContext context, CancellationToken cancellationToken, int? limit = null, string? cursor = null) =>
        await history.ListAsync(context.DeviceId(), limit, cursor, cancellationToken).ConfigureAwait(false) switch
        {
            HistoryOutcome.Listed(var page) => TypedResults.Ok(
                new HistoryResponse([.. page.Items.Select(AnalysisResponse.From)], page.NextCursor)),
            HistoryOutcome.BadLimit => Problems.Result(
                StatusCodes.Status400BadRequest, "bad-limit", $"limit is between 1 and {HistoryService.MaxPageSize}."),
            _ => Problems.Result(StatusCodes.Status400BadRequest, "bad-cursor", "cursor is not one this API returned."),
        };

    private static async Task<NoContent> DeleteAllAsync(HistoryService history, HttpContext context, CancellationToken cancellationToken)
    {
        await history.DeleteAllAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }
}
