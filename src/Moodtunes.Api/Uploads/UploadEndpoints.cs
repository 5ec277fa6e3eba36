using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Uploads;

/// <summary>The upload target as the page reads it (docs/api.md).</summary>
public sealed record UploadResponse(string AnalysisId, UploadTargetResponse Upload);

public sealed record UploadTargetResponse(Uri Url, IReadOnlyDictionary<string, string> Fields, DateTimeOffset ExpiresAt, long MaxBytes);

public static class UploadEndpoints
{
    public static IServiceCollection AddUploads(this IServiceCollection services) => services.AddSingleton<UploadService>();

    public static IEndpointRouteBuilder MapUploads(this IEndpointRouteBuilder app)
    {
        app.MapPost(ApiRoutes.Uploads, CreateAsync)
            .RequireDeviceToken()
            .WithName("CreateUpload")
            .WithSummary("Creates a pending analysis and a signed, size- and type-limited upload target for its photo.");
        return app;
    }

    private static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> CreateAsync(
        UploadRequest request, UploadService uploads, HttpContext context, CancellationToken cancellationToken) =>
        await uploads.CreateAsync(context.DeviceId(), request, cancellationToken).ConfigureAwait(false) switch
        {
            UploadOutcome.Created(var id, var target) => TypedResults.Created(
                ApiRoutes.Analysis(id),
                new UploadResponse(id.Value, new UploadTargetResponse(target.Url, target.Fields, target.ExpiresAt, target.MaxBytes))),
            UploadOutcome.Refused { Reason: UploadRefusal.UnsupportedType } => Problems.Result(
                StatusCodes.Status400BadRequest, ProblemCode.UnsupportedType, $"Send a photo as one of: {string.Join(", ", UploadService.ContentTypes)}."),
            UploadOutcome.Refused { Reason: UploadRefusal.EmptyFile } => Problems.Result(
                StatusCodes.Status400BadRequest, ProblemCode.EmptyFile, "The file is empty."),
            _ => Problems.Result(StatusCodes.Status413PayloadTooLarge, ProblemCode.FileTooLarge, PhotoLimits.TooLargeMessage),
        };
}
