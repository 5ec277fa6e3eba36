using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Api.Http;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Analyses;

public static class AnalysisEndpoints
{
    /// <remarks>Tracks reads analyses through this service too, so a host may add both.</remarks>
    public static IServiceCollection AddAnalyses(this IServiceCollection services)
    {
        services.TryAddSingleton<AnalysisService>();
        return services;
    }

    public static IEndpointRouteBuilder MapAnalyses(this IEndpointRouteBuilder app)
    {
        var analyses = app.MapGroup(string.Empty).RequireDeviceToken();
        analyses.MapGet(ApiRoutes.AnalysisById, GetAsync).WithName("GetAnalysis").WithSummary("One analysis: pending, done or failed.");
        analyses.MapDelete(ApiRoutes.AnalysisById, DeleteAsync).WithName("DeleteAnalysis");
        return app;
    }

    private static async Task<Results<Ok<AnalysisResponse>, ProblemHttpResult>> GetAsync(
        string id, AnalysisService analyses, TrackCatalog catalog, HttpContext context, CancellationToken cancellationToken) =>
        await analyses.FindAsync(context.DeviceId(), id, cancellationToken).ConfigureAwait(false) is { } analysis
            ? TypedResults.Ok(AnalysisResponse.From(analysis, catalog))
            : Problems.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, AnalysisService analyses, HttpContext context, CancellationToken cancellationToken) =>
        await analyses.DeleteAsync(context.DeviceId(), id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound();
}
