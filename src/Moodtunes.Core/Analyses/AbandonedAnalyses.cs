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

    public static Analysis AsAbandoned(this Analysis analysis, DateTimeOffset now) => analysis with
    {
        Status = AnalysisStatus.Failed,
        FinishedAt = now,
        Failure = new AnalysisFailure(FailureCode.PhotoMissing, "The photo never arrived or could not be analysed in time; please try again."),
    };
}
