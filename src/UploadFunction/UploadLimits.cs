using Moodtunes.Core.Analyses;

namespace UploadFunction;

/// <summary>What an upload may be; the signed policy enforces the same limits at the storage side.</summary>
public sealed record UploadLimits
{
    public long MaxBytes { get; init; } = PhotoLimits.MaxBytes;

    public IReadOnlyList<string> ContentTypes { get; init; } = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>How long the upload target stays valid.</summary>
    public TimeSpan TargetLifetime { get; init; } = AbandonedAnalyses.UploadWindow;

    /// <summary>How long an analysis (the derived result, never the photo) stays in the history.</summary>
    public TimeSpan AnalysisLifetime { get; init; } = TimeSpan.FromDays(30);
}
