using Microsoft.Extensions.DependencyInjection.Extensions;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
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
        // A malformed id is not found, like an unknown one (indistinguishable on purpose).
        AnalysisIds.TryParse(id, out var analysisId)
        && await analyses.FindAsync(context.DeviceId(), analysisId, cancellationToken).ConfigureAwait(false) is { } analysis
            ? TypedResults.Ok(AnalysisResponse.From(analysis, catalog))
            : Problems.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, AnalysisService analyses, HttpContext context, CancellationToken cancellationToken) =>
        AnalysisIds.TryParse(id, out var analysisId) && await analyses.DeleteAsync(context.DeviceId(), analysisId, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound();
}
