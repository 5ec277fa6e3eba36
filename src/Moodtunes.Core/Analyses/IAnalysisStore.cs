using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Analyses;

/// <summary>
/// Where analyses live (SQLite locally, DynamoDB on AWS). Every read is scoped to a device:
/// no call can see another device's records. Expired records read as absent.
/// </summary>
public interface IAnalysisStore
{
    /// <summary>Stores a new pending analysis. Fails if the id already exists for the device.</summary>
    Task CreateAsync(Analysis analysis, CancellationToken cancellationToken);

    Task<Analysis?> GetAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a pending analysis with its finished form (done or failed). Returns false and changes
    /// nothing when the stored analysis is missing or already finished, so a replayed event is a no-op.
    /// </summary>
    Task<bool> TryFinishAsync(Analysis finished, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the offered tracks of a finished analysis if its list is still at <paramref name="basedOn"/>, and
    /// moves the version on by one. Returns false and changes nothing when the analysis does not exist (or is
    /// pending) or another save replaced the list since it was read.
    /// </summary>
    Task<bool> SaveTracksAsync(
        DeviceId deviceId, AnalysisId analysisId, TrackSelection tracks, TrackListVersion basedOn, CancellationToken cancellationToken);

    /// <summary>The device's analyses, newest first, a page at a time.</summary>
    Task<HistoryPage> ListAsync(DeviceId deviceId, int limit, string? cursor, CancellationToken cancellationToken);

    /// <summary>
    /// When each done analysis of the device created at or after <paramref name="since"/> was made and the emotion it
    /// read, in no particular order: the mood timeline's window, read from the time-ordered ids without the rest of
    /// each record (a busy device's month is thousands of them).
    /// </summary>
    Task<IReadOnlyList<MoodReading>> ListMoodsSinceAsync(DeviceId deviceId, DateTimeOffset since, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken);

    /// <summary>Deletes every analysis of the device and returns how many there were.</summary>
    Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken);
}

/// <summary>One page of history; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record HistoryPage(IReadOnlyList<Analysis> Items, string? NextCursor);
