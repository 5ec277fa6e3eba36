using Moodtunes.Core.Analyses;

namespace AnalyzeFunction;

public sealed record AnalysisSettings
{
    /// <summary>A stored object larger than this is refused without reading it (matches the upload limit).</summary>
    public long MaxPhotoBytes { get; init; } = PhotoLimits.MaxBytes;

    /// <summary>Below this confidence the page asks the user to pick moods instead of trusting the emotion.</summary>
    public float UnsureBelow { get; init; } = 0.45f;
}
