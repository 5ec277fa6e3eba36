using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Moodtunes.Core.Analyses;
using Moodtunes.Web;

namespace UploadFunction;

public static class UploadEndpoints
{
    public static IServiceCollection AddUploadFunction(this IServiceCollection services)
    {
        services.AddMoodtunesWeb();
        services.TryAddSingleton(new UploadLimits());
        services.TryAddSingleton<UploadService>();
        return services;
    }

    public static IEndpointRouteBuilder MapUploadFunction(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/uploads", CreateUploadAsync)
            .RequireDeviceToken()
            .WithName("CreateUpload")
            .WithSummary("Creates a pending analysis and a signed, size- and type-limited upload target for its photo.");
        return app;
    }

    private static async Task<Results<Created<UploadResponse>, ProblemHttpResult>> CreateUploadAsync(
        UploadRequest request, UploadService uploads, UploadLimits limits, HttpContext context, CancellationToken cancellationToken)
    {
        var (response, refusal) = await uploads.CreateAsync(context.DeviceId(), request, cancellationToken).ConfigureAwait(false);
        return refusal switch
        {
            null => TypedResults.Created($"/api/analyses/{response!.AnalysisId}", response),
            UploadRefusal.UnsupportedType => Problems.Result(
                StatusCodes.Status400BadRequest, "unsupported-type", $"Send a photo as one of: {string.Join(", ", limits.ContentTypes)}."),
            UploadRefusal.EmptyFile => Problems.Result(StatusCodes.Status400BadRequest, "empty-file", "The file is empty."),
            _ => Problems.Result(
                StatusCodes.Status413PayloadTooLarge, "file-too-large", PhotoLimits.TooLargeMessage),
        };
    }
}
