using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage;

namespace Moodtunes.Testing.InMemory;

/// <summary>
/// An <see cref="IAnalysisStore"/> in a dictionary, for tests of the application without SQLite or DynamoDB. It keeps
/// each analysis as its <see cref="AnalysisRecord"/>, as both real stores do, so what reads back is what they would
/// give (expiry in whole seconds, the stored documents); the storage contract tests run against it too.
/// </summary>
public sealed class InMemoryAnalysisStore(TimeProvider clock) : IAnalysisStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<(string DeviceId, string AnalysisId), AnalysisRecord> _records = new(KeyOrder.Instance);

    public Task CreateAsync(Analysis analysis, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        if (analysis.Status != AnalysisStatus.Pending)
        {
            throw new ArgumentException("A new analysis must be pending.", nameof(analysis));
        }

        var record = AnalysisRecord.From(analysis);
        lock (_lock)
        {
            // An expired record is gone to every reader, so its key is free again (SQLite sweeps it, DynamoDB's TTL deletes it).
            if (Live(Key(record)) is not null)
            {
                throw new InvalidOperationException($"Analysis '{analysis.Id}' already exists for this device.");
            }

            _records[Key(record)] = record;
        }

        return Task.CompletedTask;
    }

    public Task<Analysis?> GetAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(Live((deviceId.Value, analysisId.Value))?.ToAnalysis());
        }
    }

    public Task<bool> TryFinishAsync(Analysis finished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(finished);
        if (finished.Status == AnalysisStatus.Pending)
        {
            throw new ArgumentException("A finished analysis must be done or failed.", nameof(finished));
        }

        var record = AnalysisRecord.From(finished);
        lock (_lock)
        {
            if (Live(Key(record)) is not { } stored || stored.Status != AnalysisRecord.StatusName(AnalysisStatus.Pending))
            {
                return Task.FromResult(false);
            }

            // The same fields the stores' conditional update sets; the rest stays as created.
            _records[Key(record)] = stored with
            {
                Status = record.Status,
                FinishedAt = record.FinishedAt,
                Result = record.Result,
                Failure = record.Failure,
                Tracks = record.Tracks,
            };
            return Task.FromResult(true);
        }
    }

    public Task<bool> SaveTracksAsync(
        DeviceId deviceId, AnalysisId analysisId, TrackSelection tracks, TrackListVersion basedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        lock (_lock)
        {
            if (Live((deviceId.Value, analysisId.Value)) is not { } stored
                || stored.Status == AnalysisRecord.StatusName(AnalysisStatus.Pending)
                || (stored.TracksVersion ?? TrackListVersion.Initial.Value) != basedOn.Value)
            {
                return Task.FromResult(false);
            }

            _records[(deviceId.Value, analysisId.Value)] = stored with { Tracks = StoredDocuments.Write(tracks), TracksVersion = basedOn.Next().Value };
            return Task.FromResult(true);
        }
    }

    public Task<HistoryPage> ListAsync(DeviceId deviceId, int limit, string? cursor, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = cursor is null ? null : StorageEncoding.DecodeCursor(cursor).Value;
        lock (_lock)
        {
            // Newest first by the time-ordered id; one extra item tells whether another page exists.
            var items = LiveOf(deviceId.Value)
                .Where(r => before is null || string.CompareOrdinal(r.AnalysisId, before) < 0)
                .OrderByDescending(r => r.AnalysisId, StringComparer.Ordinal)
                .Take(limit + 1)
                .Select(r => r.ToAnalysis())
                .ToList();
            if (items.Count <= limit)
            {
                return Task.FromResult(new HistoryPage(items, null));
            }

            items.RemoveAt(limit);
            return Task.FromResult(new HistoryPage(items, StorageEncoding.EncodeCursor(items[^1].Id)));
        }
    }

    public Task<IReadOnlyList<MoodReading>> ListMoodsSinceAsync(DeviceId deviceId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = AnalysisIds.LowerBound(since);
        lock (_lock)
        {
            IReadOnlyList<MoodReading> readings =
            [
                .. LiveOf(deviceId.Value)
                    .Where(r => string.CompareOrdinal(r.AnalysisId, from) >= 0 && r.Status == AnalysisRecord.StatusName(AnalysisStatus.Done))
                    .Select(r => r.ToAnalysis())
                    .Where(a => a.Feeling is not null)
                    .Select(a => new MoodReading(a.CreatedAt, (Emotion)a.Feeling!)),
            ];
            return Task.FromResult(readings);
        }
    }

    public Task<bool> DeleteAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // An expired record is removed too, but reported as absent like every other read of it.
            var live = Live((deviceId.Value, analysisId.Value)) is not null;
            _records.Remove((deviceId.Value, analysisId.Value));
            return Task.FromResult(live);
        }
    }

    public Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var keys = _records.Keys.Where(k => k.DeviceId == deviceId.Value).ToList();
            var live = LiveOf(deviceId.Value).Count();
            keys.ForEach(k => _records.Remove(k));
            return Task.FromResult(live);
        }
    }

    private static (string, string) Key(AnalysisRecord record) => (record.DeviceId, record.AnalysisId);

    private AnalysisRecord? Live((string DeviceId, string AnalysisId) key) =>
        _records.TryGetValue(key, out var record) && IsLive(record) ? record : null;

    private IEnumerable<AnalysisRecord> LiveOf(string deviceId) => _records.Values.Where(r => r.DeviceId == deviceId && IsLive(r));

    /// <summary>Expiry as the stores compare it: in whole epoch seconds, gone from that second on.</summary>
    private bool IsLive(AnalysisRecord record) => record.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds();

    private sealed class KeyOrder : IComparer<(string DeviceId, string AnalysisId)>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare((string DeviceId, string AnalysisId) x, (string DeviceId, string AnalysisId) y) =>
            string.CompareOrdinal(x.DeviceId, y.DeviceId) is var byDevice and not 0 ? byDevice : string.CompareOrdinal(x.AnalysisId, y.AnalysisId);
    }
}
