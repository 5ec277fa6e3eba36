namespace Moodtunes.Core.Analyses;

/// <summary>
/// A pending analysis whose photo never arrived (the page was closed mid-upload) or could not be
/// analysed after every retry must not read "analyzing" forever: past a deadline it reads as failed.
/// </summary>
public static class AbandonedAnalyses
{
    /// <summary>How long an upload target stays valid.</summary>
    public static readonly TimeSpan UploadWindow = TimeSpan.FromMinutes(10);

    /// <summary>The upload window plus room for storage events and their retries (S3 → Lambda retries within minutes).</summary>
    public static readonly TimeSpan GiveUpAfter = UploadWindow + TimeSpan.FromMinutes(10);

    public static bool IsAbandoned(this Analysis analysis, DateTimeOffset now) =>
        analysis.Status is AnalysisStatus.Pending && now - analysis.CreatedAt > GiveUpAfter;

    /// <summary>
    /// The analysis as a reader sees it at <paramref name="now"/>: past the deadline a pending one reads as
    /// failed (photo-missing). Computed on every read, never written by one.
    /// </summary>
    public static Analysis AsSeenAt(this Analysis analysis, DateTimeOffset now) =>
        analysis.IsAbandoned(now) ? analysis.AsAbandoned() : analysis;

    /// <summary>The failed form of an abandoned analysis; it failed when the deadline passed.</summary>
    public static Analysis AsAbandoned(this Analysis analysis) => analysis with
    {
        Status = AnalysisStatus.Failed,
        FinishedAt = analysis.CreatedAt + GiveUpAfter,
        Failure = new AnalysisFailure(FailureCode.PhotoMissing, "The photo never arrived or could not be analysed in time; please try again."),
    };
}
