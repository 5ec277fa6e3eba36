using Moodtunes.Api.Analyses;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

public static class TrackEndpoints
{
    public static IServiceCollection AddTracks(this IServiceCollection services)
    {
        services.AddRecommendation();
        services.AddAnalyses();
        services.AddSingleton<TrackPreviewService>();
        return services.AddSingleton<TrackService>();
    }

    public static IEndpointRouteBuilder MapTracks(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.AnalysisTracks, ChooseAsync)
            .RequireDeviceToken()
            .WithName("ChooseTracks")
            .WithSummary("Tracks for chosen moods or a sadness choice; more=true gives other songs without repeats.");

        // No device token: an <audio> element cannot send headers, and a preview is public anyway.
        app.MapGet(ApiRoutes.TrackPreview, PreviewAsync)
            .WithName("PlayPreview")
            .WithSummary("Redirects to a just-signed 30-second preview of a catalog track.");
        return app;
    }

    private static async Task<Results<Ok<TracksResponse>, ProblemHttpResult>> ChooseAsync(
        string id, TracksRequest request, TrackService tracks, TrackCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        // Names are checked before the analysis is looked up (docs/api.md).
        var moods = new List<Mood>();
        foreach (var name in request.Moods ?? [])
        {
            if (!WireNames.TryParse<Mood>(name, out var mood))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.UnknownMood, $"Unknown mood '{name}'.");
            }

            moods.Add(mood);
        }

        SadnessChoice? choice = null;
        if (request.SadnessChoice is not null)
        {
            if (!WireNames.TryParse<SadnessChoice>(request.SadnessChoice, out var parsed))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.UnknownChoice, "sadnessChoice is 'match' or 'cheer-up'.");
            }

            choice = parsed;
        }

        Emotion? answer = null;
        if (request.Answer is not null)
        {
            if (!WireNames.TryParse<Emotion>(request.Answer, out var felt))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.UnknownEmotion, $"Unknown emotion '{request.Answer}'.");
            }

            answer = felt;
        }

        if (!AnalysisIds.TryParse(id, out var analysisId))
        {
            return Problems.NotFound();
        }

        return await tracks.ChooseAsync(context.DeviceId(), analysisId, new TrackChoice(moods, choice, request.More, answer), cancellationToken).ConfigureAwait(false) switch
        {
            TrackOutcome.Chosen(var selection, var restarted) => TypedResults.Ok(
                new TracksResponse(selection.Moods, selection.SadnessChoice, TrackResponse.ListOf(selection.Current, catalog), restarted, selection.Answer)),
            TrackOutcome.NotDone => Problems.Result(StatusCodes.Status409Conflict, ProblemCode.NotDone, "Tracks are offered once the analysis is done."),
            TrackOutcome.Busy => Problems.Result(
                StatusCodes.Status409Conflict, ProblemCode.TracksBusy, "Other track requests for this analysis kept changing its list; try again."),
            _ => Problems.NotFound(),
        };
    }

    private static async Task<Results<RedirectHttpResult, ProblemHttpResult>> PreviewAsync(
        string catalogId, TrackPreviewService previews, HttpContext context, CancellationToken cancellationToken)
    {
        // The signed URL changes; a cached redirect would outlive it.
        context.Response.Headers.CacheControl = "no-store";
        return await previews.FreshAsync(catalogId, cancellationToken).ConfigureAwait(false) switch
        {
            PreviewOutcome.Found(var url) => TypedResults.Redirect(url.AbsoluteUri),
            PreviewOutcome.ProviderUnavailable => Problems.Result(
                StatusCodes.Status503ServiceUnavailable, ProblemCode.ProviderUnavailable, "The music provider cannot be reached right now."),
            _ => Problems.Result(StatusCodes.Status404NotFound, ProblemCode.NoPreview, "This song has no preview."),
        };
    }
}
