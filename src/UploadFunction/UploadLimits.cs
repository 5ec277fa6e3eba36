using Moodtunes.Core.Analyses;

namespace UploadFunction;

/// <summary>
/// What an upload may be; the signed policy enforces the same limits at the storage side. The size limit
/// (<see cref="PhotoLimits"/>) and the target's lifetime (<see cref="AbandonedAnalyses.UploadWindow"/>) are
/// shared with the other functions, so they live in Core rather than here.
/// </summary>
public sealed record UploadLimits
{
    public IReadOnlyList<string> ContentTypes { get; init; } = ["image/jpeg", "image/png", "image/webp"];

    /// <summary>How long an analysis (the derived result, never the photo) stays in the history.</summary>
    public TimeSpan AnalysisLifetime { get; init; } = TimeSpan.FromDays(30);
}
