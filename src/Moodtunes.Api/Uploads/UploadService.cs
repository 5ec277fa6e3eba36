using Microsoft.Extensions.Logging;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Uploads;

/// <summary>What the page intends to upload.</summary>
public sealed record UploadRequest(string? ContentType, long Size);

public enum UploadRefusal
{
    UnsupportedType,
    FileTooLarge,
    EmptyFile,
}

/// <summary>Either the new analysis and its upload target, or why none was made.</summary>
public abstract record UploadOutcome
{
    private UploadOutcome()
    {
    }

    public sealed record Created(AnalysisId AnalysisId, UploadTarget Target) : UploadOutcome;

    public sealed record Refused(UploadRefusal Reason) : UploadOutcome;
}

/// <summary>Creates the pending analysis and the signed target its photo goes to.</summary>
public sealed partial class UploadService(IAnalysisStore analyses, IUploadTargetIssuer targets, TimeProvider clock, ILogger<UploadService> logger)
{
    public static IReadOnlyList<string> ContentTypes { get; } = ["image/jpeg", "image/png", "image/webp"];

    public async Task<UploadOutcome> CreateAsync(DeviceId deviceId, UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !ContentTypes.Contains(request.ContentType))
        {
            return new UploadOutcome.Refused(UploadRefusal.UnsupportedType);
        }

        if (request.Size <= 0)
        {
            return new UploadOutcome.Refused(UploadRefusal.EmptyFile);
        }

        if (request.Size > PhotoLimits.MaxBytes)
        {
            return new UploadOutcome.Refused(UploadRefusal.FileTooLarge);
        }

        var now = clock.GetUtcNow();
        var pending = Analysis.Pending(deviceId, now, AnalysisRetention.Lifetime);
        await analyses.CreateAsync(pending, cancellationToken).ConfigureAwait(false);

        var policy = new UploadPolicy(pending.PhotoKey, request.ContentType, PhotoLimits.MaxBytes, now + AbandonedAnalyses.UploadWindow);
        using (AnalysisLogScope.Begin(logger, pending.Id))
        {
            LogCreated(request.ContentType, request.Size);
        }

        return new UploadOutcome.Created(pending.Id, targets.Issue(policy));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis created; upload target issued for {ContentType}, {Size} bytes")]
    private partial void LogCreated(string contentType, long size);
}
