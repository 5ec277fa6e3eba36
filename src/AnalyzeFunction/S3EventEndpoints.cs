using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Net;
using Amazon.S3.Util;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Spotify;
using Moodtunes.Vision;
using Moodtunes.Web;

namespace AnalyzeFunction;

/// <summary>
/// The S3 trigger. The Lambda Web Adapter POSTs non-HTTP events to <c>/events</c> with the raw
/// event JSON; answering 5xx makes Lambda retry the whole event (AWS_LWA_ERROR_STATUS_CODES).
/// </summary>
public static partial class S3EventEndpoints
{
    public static IServiceCollection AddAnalyzeFunction(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMoodtunesWeb();
        services.TryAddSingleton(_ => new VisionPipeline(VisionOptionsFrom(configuration)));
        services.TryAddSingleton(TrackCatalog.Default);
        services.TryAddSingleton<TrackRecommender>();
        services.AddSpotifyLinks(configuration);
        services.TryAddSingleton<AnalysisTrackSelector>();
        services.TryAddSingleton(new AnalysisSettings());
        services.TryAddSingleton<PhotoAnalysisProcessor>();
        return services;
    }

    /// <summary>
    /// <c>Vision:EmotionModelFile</c> (env <c>Vision__EmotionModelFile</c>) picks another emotion model
    /// under models/, e.g. <c>emotion/mini_xception_emotion.onnx</c>; unset keeps the default.
    /// </summary>
    public static VisionOptions VisionOptionsFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var emotionModel = configuration["Vision:EmotionModelFile"];
        return string.IsNullOrWhiteSpace(emotionModel) ? new VisionOptions() : new VisionOptions { EmotionModelFile = emotionModel };
    }

    public static IEndpointRouteBuilder MapAnalyzeFunction(this IEndpointRouteBuilder app)
    {
        app.MapPost("/events", HandleAsync)
            .WithName("HandleS3Event")
            .WithSummary("Analyses every photo an S3 ObjectCreated event names; 500 asks Lambda to retry.")
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpRequest request, PhotoAnalysisProcessor processor, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(S3EventEndpoints));
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);

        S3EventNotification notification;
        try
        {
            notification = S3EventNotification.ParseJson(body);
        }
        catch (Exception parseError) when (parseError is System.Text.Json.JsonException or InvalidOperationException or ArgumentException
                                               or Amazon.Runtime.AmazonClientException)
        {
            // ParseJson wraps malformed JSON in AmazonClientException. A body that cannot parse never will, so this
            // must not be a 5xx: that would make Lambda retry a poison event.
            LogUnreadable(logger, parseError);
            return NotAnS3Event();
        }

        // JSON without records (S3 never sends none), or a record without an object key, is not an S3 event
        // either; refuse it before handling any record rather than fail on it halfway (a 500, retried for ever).
        if (notification.Records is not { Count: > 0 } records || records.Any(r => r?.S3?.Object?.Key is not { Length: > 0 }))
        {
            return NotAnS3Event();
        }

        var outcomes = new List<AnalysisOutcome>();
        foreach (var record in records)
        {
            // ParseJson names events as in bucket notification configurations: "ObjectCreated:Post" arrives as "s3:ObjectCreated:Post".
            if (record.EventName?.Value?.StartsWith("s3:ObjectCreated:", StringComparison.Ordinal) != true)
            {
                continue;
            }

            // S3 URL-encodes keys in events (spaces as '+').
            var key = WebUtility.UrlDecode(record.S3.Object.Key);
            outcomes.Add(await processor.ProcessAsync(key, cancellationToken).ConfigureAwait(false));
        }

        return TypedResults.Ok(new { processed = outcomes });
    }

    private static IResult NotAnS3Event() =>
        Problems.Result(StatusCodes.Status400BadRequest, "not-an-s3-event", "The body is not an S3 event notification.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreadable event body")]
    private static partial void LogUnreadable(ILogger logger, Exception error);
}
