namespace Moodtunes.Core.Analyses;

/// <summary>
/// How long an analysis (the derived result, never the photo) is kept: the upload sets its expiry from this, the
/// mood timeline covers these days, and the page's privacy note and "result gone" sentence say the number.
/// </summary>
public static class AnalysisRetention
{
    public const int Days = 30;

    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(Days);
}
