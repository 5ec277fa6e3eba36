using Moodtunes.Core.Recommendation;

namespace Moodtunes.Testing.InMemory;

/// <summary>
/// An <see cref="ITrackMediaCache"/> in a dictionary, keeping expiries in whole epoch seconds as both real caches do;
/// the storage contract tests run against it too. <see cref="Puts"/> counts writes, so a test can say a read wrote nothing.
/// </summary>
public sealed class InMemoryTrackMediaCache(TimeProvider clock) : ITrackMediaCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CachedTrackMedia> _entries = new(StringComparer.Ordinal);

    public int Puts { get; private set; }

    public Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogIds);
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        lock (_lock)
        {
            IReadOnlyDictionary<string, CachedTrackMedia> found = catalogIds
                .Distinct(StringComparer.Ordinal)
                .Where(id => _entries.TryGetValue(id, out var entry) && entry.ExpiresAt.ToUnixTimeSeconds() > now)
                .ToDictionary(id => id, id => _entries[id], StringComparer.Ordinal);
            return Task.FromResult(found);
        }
    }

    public Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogId);
        ArgumentNullException.ThrowIfNull(entry);
        lock (_lock)
        {
            _entries[catalogId] = entry with { ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(entry.ExpiresAt.ToUnixTimeSeconds()) };
            Puts++;
        }

        return Task.CompletedTask;
    }
}
