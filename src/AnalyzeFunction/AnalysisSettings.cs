using Moodtunes.Core.Emotions;

namespace AnalyzeFunction;

public sealed record AnalysisSettings
{
    /// <summary>Below this confidence the page asks the user to pick moods instead of trusting the emotion.</summary>
    public float UnsureBelow { get; init; } = EmotionDistribution.UnsureBelow;
}
