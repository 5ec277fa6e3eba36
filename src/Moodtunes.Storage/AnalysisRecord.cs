using Moodtunes.Core;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage;

/// <summary>
/// An analysis as both stores keep it: one SQLite row or one DynamoDB item, field for field. Instants are
/// ISO 8601 text, the expiry epoch seconds (DynamoDB's TTL format), and the result, failure and tracks
/// JSON documents (<see cref="StoredDocuments"/>), so a record reads back the same from either store.
/// <paramref name="TracksVersion"/> is null (absent) until the first track save, as in every record written before
/// it existed, so those records still write back unchanged.
/// </summary>
public sealed record AnalysisRecord(
    string DeviceId,
    string AnalysisId,
    string Status,
    string CreatedAt,
    string? FinishedAt,
    long ExpiresAt,
    string PhotoKey,
    string? Result,
    string? Failure,
    string? Tracks,
    long? TracksVersion = null)
{
    /// <summary>The stored name of a status, as conditional writes compare it ("pending").</summary>
    public static string StatusName(AnalysisStatus status) => status.ToWire();

    public static AnalysisRecord From(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new AnalysisRecord(
            analysis.DeviceId.Value,
            analysis.Id.Value,
            StatusName(analysis.Status),
            StorageEncoding.FormatInstant(analysis.CreatedAt),
            analysis.FinishedAt is { } finished ? StorageEncoding.FormatInstant(finished) : null,
            analysis.ExpiresAt.ToUnixTimeSeconds(),
            analysis.PhotoKey,
            analysis.Result is { } result ? StoredDocuments.Write(result) : null,
            analysis.Failure is { } failure ? StoredDocuments.Write(failure) : null,
            analysis.Tracks is { } tracks ? StoredDocuments.Write(tracks) : null,
            analysis.TracksVersion == TrackListVersion.Initial ? null : analysis.TracksVersion.Value);
    }

    /// <exception cref="InvalidDataException">A field is not in the stored format.</exception>
    public Analysis ToAnalysis() => new()
    {
        DeviceId = new DeviceId(DeviceId),
        Id = new AnalysisId(AnalysisId),
        Status = WireNames.TryParse<AnalysisStatus>(Status, out var status)
            ? status
            : throw new InvalidDataException($"Analysis '{AnalysisId}' has unknown status '{Status}'."),
        CreatedAt = StorageEncoding.ParseInstant(CreatedAt),
        FinishedAt = FinishedAt is null ? null : StorageEncoding.ParseInstant(FinishedAt),
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(ExpiresAt),
        PhotoKey = PhotoKey,
        Result = Result is null ? null : StoredDocuments.ReadResult(Result),
        Failure = Failure is null ? null : StoredDocuments.ReadFailure(Failure),
        Tracks = Tracks is null ? null : StoredDocuments.ReadTracks(Tracks),
        TracksVersion = TracksVersion is { } version ? new TrackListVersion(version) : TrackListVersion.Initial,
    };
}
