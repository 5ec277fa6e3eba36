using Moodtunes.Core.Analyses;

namespace UploadFunction;

public sealed record UploadRequest(string? ContentType, long Size);

public sealed record UploadResponse(string AnalysisId, UploadTarget Upload);

public enum UploadRefusal
{
    UnsupportedType,
    FileTooLarge,
    EmptyFile,
}

/// <summary>Creates the pending analysis and the signed target its photo goes to.</summary>
public sealed class UploadService(IAnalysisStore analyses, IUploadTargetIssuer targets, UploadLimits limits, TimeProvider clock)
{
    public async Task<(UploadResponse? Response, UploadRefusal? Refusal)> CreateAsync(
        string deviceId, UploadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentType is null || !limits.ContentTypes.Contains(request.ContentType))
        {
            return (null, UploadRefusal.UnsupportedType);
        }

        if (request.Size <= 0)
        {
            return (null, UploadRefusal.EmptyFile);
        }

        if (request.Size > PhotoLimits.MaxBytes)
        {
            return (null, UploadRefusal.FileTooLarge);
        }

        var now = clock.GetUtcNow();
        var pending = Analysis.Pending(deviceId, now, limits.AnalysisLifetime);
        await analyses.CreateAsync(pending, cancellationToken).ConfigureAwait(false);

        var target = targets.Issue(new UploadPolicy(pending.PhotoKey, request.ContentType, PhotoLimits.MaxBytes, now + AbandonedAnalyses.UploadWindow));
        return (new UploadResponse(pending.Id, target), null);
    }
}
