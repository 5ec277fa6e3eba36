using Moodtunes.Api.Analyses;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

public static class TrackEndpoints
{
    public static IServiceCollection AddTracks(this IServiceCollection services)
    {
        services.AddRecommendation();
        services.AddAnalyses();
        return services.AddSingleton<TrackService>();
    }

    public static IEndpointRouteBuilder MapTracks(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/analyses/{id}/tracks", ChooseAsync)
            .RequireDeviceToken()
            .WithName("ChooseTracks")
            .WithSummary("Tracks for chosen moods or a sadness choice; more=true gives other songs without repeats.");
        return app;
    }

    private static async Task<Results<Ok<TracksResponse>, ProblemHttpResult>> ChooseAsync(
        string id, TracksRequest request, TrackService tracks, HttpContext context, CancellationToken cancellationToken)
    {
        // Names are checked before the analysis is looked up (docs/api.md).
        var moods = new List<Mood>();
        foreach (var name in request.Moods ?? [])
        {
            if (!WireNames.TryParse<Mood>(name, out var mood))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "unknown-mood", $"Unknown mood '{name}'.");
            }

            moods.Add(mood);
        }

        SadnessChoice? choice = null;
        if (request.SadnessChoice is not null)
        {
            if (!WireNames.TryParse<SadnessChoice>(request.SadnessChoice, out var parsed))
            {
                return Problems.Result(StatusCodes.Status400BadRequest, "unknown-choice", "sadnessChoice is 'match' or 'cheer-up'.");
            }

            choice = parsed;
        }

        return await tracks.ChooseAsync(context.DeviceId(), id, new TrackChoice(moods, choice, request.More), cancellationToken).ConfigureAwait(false) switch
        {
            TrackOutcome.Chosen(var selection, var restarted) => TypedResults.Ok(
                new TracksResponse(selection.Moods, selection.SadnessChoice, TrackResponse.ListOf(selection.Current), restarted)),
            TrackOutcome.NotDone => Problems.Result(StatusCodes.Status409Conflict, "not-done", "Tracks are offered once the analysis is done."),
            _ => Problems.NotFound(),
        };
    }
}
