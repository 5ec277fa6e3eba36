using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Spotify;
using Moodtunes.Web;

namespace RecommendFunction;

/// <summary>Results, history, mood choices and "other songs" for the caller's device only.</summary>
public static class AnalysisEndpoints
{
    private const int MaxHistoryPage = 50;

    public static IServiceCollection AddRecommendFunction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMoodtunesWeb();
        services.TryAddSingleton(TrackCatalog.Default);
        services.TryAddSingleton<TrackRecommender>();
        services.AddSpotifyLinks(configuration);
        services.TryAddSingleton<AnalysisTrackSelector>();
        return services;
    }

    public static IEndpointRouteBuilder MapRecommendFunction(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireDeviceToken();
        api.MapGet("/analyses/{id}", GetAsync).WithName("GetAnalysis").WithSummary("One analysis: pending, done or failed.");
        api.MapDelete("/analyses/{id}", DeleteAsync).WithName("DeleteAnalysis");
        api.MapPost("/analyses/{id}/tracks", TracksAsync)
            .WithName("ChooseTracks")
            .WithSummary("Tracks for chosen moods or a sadness choice; more=true gives other songs without repeats.");
        api.MapGet("/history", HistoryAsync).WithName("GetHistory").WithSummary("This device's analyses, newest first.");
        api.MapDelete("/history", DeleteAllAsync).WithName("DeleteHistory");
        return app;
    }

    private static async Task<Results<Ok<AnalysisView>, ProblemHttpResult>> GetAsync(
        string id, IAnalysisStore store, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        await FindAsync(id, store, clock, context, cancellationToken).ConfigureAwait(false) is { } analysis
            ? TypedResults.Ok(AnalysisView.From(analysis))
            : Problems.NotFound();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, IAnalysisStore store, HttpContext context, CancellationToken cancellationToken) =>
        AnalysisIds.IsValid(id) && await store.DeleteAsync(context.DeviceId(), id, cancellationToken).ConfigureAwait(false)
            ? TypedResults.NoContent()
            : Problems.NotFound();

    private static async Task<Results<Ok<TracksView>, ProblemHttpResult>> TracksAsync(
        string id,
        TracksRequest request,
        IAnalysisStore store,
        AnalysisTrackSelector selector,
        TimeProvider clock,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var moods = new List<Mood>();
        foreach (var name in request.Moods ?? [])
        {
            if (!MoodNames.TryParse(name, out var mood))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "unknown-mood", $"Unknown mood '{name}'.");
            }

            moods.Add(mood);
        }

        SadnessChoice? choice = null;
        if (request.SadnessChoice is not null)
        {
            if (!SadnessChoiceNames.TryParse(request.SadnessChoice, out var parsed))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "unknown-choice", "sadnessChoice is 'match' or 'cheer-up'.");
            }

            choice = parsed;
        }

        var analysis = await FindAsync(id, store, clock, context, cancellationToken).ConfigureAwait(false);
        if (analysis?.Result is not { } result || !EmotionNames.TryParse(result.Emotion, out var emotion))
        {
            return analysis is null
                ? Problems.NotFound()
                : Problems.Result(StatusCodes.Status409Conflict, "not-done", "Tracks are offered once the analysis is done.");
        }

        var (selection, restarted) = await selector
            .NextAsync(emotion, analysis.Tracks, moods.Distinct().ToList(), choice, request.More, cancellationToken)
            .ConfigureAwait(false);
        if (!await store.SaveTracksAsync(analysis.DeviceId, analysis.Id, selection, cancellationToken).ConfigureAwait(false))
        {
            return Problems.NotFound();
        }

        return TypedResults.Ok(new TracksView(selection.Moods, selection.SadnessChoice, selection.Current, restarted));
    }

    private static async Task<Results<Ok<HistoryView>, ProblemHttpResult>> HistoryAsync(
        IAnalysisStore store, TimeProvider clock, HttpContext context, CancellationToken cancellationToken, int? limit = null, string? cursor = null)
    {
        if (limit is < 1 or > MaxHistoryPage)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, "bad-limit", $"limit is between 1 and {MaxHistoryPage}.");
        }

        HistoryPage page;
        try
        {
            page = await store.ListAsync(context.DeviceId(), limit ?? 20, cursor, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException) when (cursor is not null)
        {
            // The stores refuse a cursor they did not issue (docs/storage.md): the caller's mistake, not ours.
            return Problems.Result(StatusCodes.Status400BadRequest, "bad-cursor", "cursor is not one this API returned.");
        }

        var items = new List<AnalysisView>(page.Items.Count);
        foreach (var item in page.Items)
        {
            items.Add(AnalysisView.From(await SettleAsync(item, store, clock, cancellationToken).ConfigureAwait(false)));
        }

        return TypedResults.Ok(new HistoryView(items, page.NextCursor));
    }

    private static async Task<NoContent> DeleteAllAsync(IAnalysisStore store, HttpContext context, CancellationToken cancellationToken)
    {
        await store.DeleteAllAsync(context.DeviceId(), cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Analysis?> FindAsync(
        string id, IAnalysisStore store, TimeProvider clock, HttpContext context, CancellationToken cancellationToken) =>
        AnalysisIds.IsValid(id) && await store.GetAsync(context.DeviceId(), id, cancellationToken).ConfigureAwait(false) is { } analysis
            ? await SettleAsync(analysis, store, clock, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Records an abandoned analysis as failed, so the page stops waiting. The write is conditional on
    /// "still pending", so a result that lands first wins and is what the caller sees.
    /// </summary>
    private static async Task<Analysis> SettleAsync(Analysis analysis, IAnalysisStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!analysis.IsAbandoned(now))
        {
            return analysis;
        }

        var failed = analysis.AsAbandoned(now);
        return await store.TryFinishAsync(failed, cancellationToken).ConfigureAwait(false)
            ? failed
            : await store.GetAsync(analysis.DeviceId, analysis.Id, cancellationToken).ConfigureAwait(false) ?? failed;
    }
}
