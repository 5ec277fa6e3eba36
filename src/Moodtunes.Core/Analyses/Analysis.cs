using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Analyses;

public enum AnalysisStatus
{
    Pending,
    Done,
    Failed,
}

/// <summary>
/// One photo's analysis, owned by one device. Created pending when the upload target is issued,
/// finished exactly once (done or failed) when the photo has been processed.
/// </summary>
public sealed record Analysis
{
    public required AnalysisId Id { get; init; }

    /// <summary>The owning device: a hash of the device token, never the token itself.</summary>
    public required DeviceId DeviceId { get; init; }

    public required AnalysisStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>After this instant the record is treated as gone, even before storage deletes it.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public required string PhotoKey { get; init; }

    public AnalysisResult? Result { get; init; }

    public AnalysisFailure? Failure { get; init; }

    /// <summary>The tracks currently offered and every track offered before (for "other songs").</summary>
    public TrackSelection? Tracks { get; init; }

    /// <summary>Which replacement of <see cref="Tracks"/> this is; a track save is conditional on it.</summary>
    public TrackListVersion TracksVersion { get; init; }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>
    /// How the person felt: the emotion they answered, else the reading when the model was sure; null when nothing
    /// says it (not done, or an unsure reading nobody answered), so a guess never enters the mood timeline.
    /// </summary>
    public Emotion? Feeling => Result is { } result ? FeelingOf(result.Emotion, result.Unsure, Tracks?.Answer) : null;

    /// <summary>
    /// The rule behind <see cref="Feeling"/> for a done analysis, for stores that read only these values: a sure
    /// reading is what the person felt; an unsure one only through their answer (only then are they asked, and only
    /// then is an answer kept), so a store need not read the answer of a sure reading.
    /// </summary>
    public static Emotion? FeelingOf(Emotion reading, bool unsure, Emotion? answer) => unsure ? answer : reading;

    /// <summary>A new pending analysis of the photo the device is about to upload, with a fresh id and its photo key.</summary>
    public static Analysis Pending(DeviceId deviceId, DateTimeOffset createdAt, TimeSpan lifetime)
    {
        var id = AnalysisIds.New(createdAt);
        return new Analysis
        {
            Id = id,
            DeviceId = deviceId,
            Status = AnalysisStatus.Pending,
            CreatedAt = createdAt,
            ExpiresAt = createdAt + lifetime,
            PhotoKey = Analyses.PhotoKey.For(deviceId, id),
        };
    }
}
