using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Events;

/// <summary>
/// The storage trigger. On Lambda the Web Adapter POSTs non-HTTP events to <c>/events</c> with the raw event
/// JSON; answering 5xx makes Lambda retry the whole event (AWS_LWA_ERROR_STATUS_CODES).
/// </summary>
public static class EventEndpoints
{
    /// <remarks>The host registers an <see cref="IPhotoReader"/> (Moodtunes.Vision's AddVision) and photo storage.</remarks>
    public static IServiceCollection AddEvents(this IServiceCollection services)
    {
        services.AddRecommendation();
        return services.AddSingleton<PhotoAnalysisService>();
    }

    /// <remarks>Needs an <see cref="IStorageEventReader"/> (the AWS storage adapter's); the local server feeds the service in-process instead.</remarks>
    public static IEndpointRouteBuilder MapEvents(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Events, HandleAsync)
            .WithName("HandleStorageEvent")
            .WithSummary("Analyses every photo an object-created event names; 500 asks Lambda to retry.")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, IStorageEventReader events, PhotoAnalysisService analysis, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);

        // A body that is not an event never will be: a 4xx, since a 5xx would make Lambda retry a poison event.
        if (events.CreatedKeys(body) is not { } keys)
        {
            return Problems.Result(StatusCodes.Status400BadRequest, ProblemCode.NotAnS3Event, "The body is not an S3 event notification.");
        }

        var outcomes = new List<AnalysisOutcome>(keys.Count);
        foreach (var key in keys)
        {
            outcomes.Add(await analysis.ProcessAsync(key, cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(new EventResponse(outcomes));
    }

    private sealed record EventResponse(IReadOnlyList<AnalysisOutcome> Processed);
}
