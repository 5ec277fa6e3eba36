using System.Collections.Concurrent;

namespace Moodtunes.Core.Recommendation;

/// <summary>
/// Adds the provider's media (cover, page, preview) to picked tracks: from our cache when it has them, else
/// looked up in parallel under one short deadline. A track not resolved in time goes out with its links only and
/// its lookup goes on in the background, so the next list has it. A provider that is down never delays a list
/// by more than the deadline and never fails one. The only holder of the provider: none registered means no media.
/// </summary>
public sealed class TrackMediaEnricher(ITrackMediaCache cache, TimeProvider clock, ITrackMediaResolver? provider = null)
{
    /// <summary>The most a list waits for lookups, cache read included.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromMilliseconds(800);

    public static readonly TimeSpan FoundLifetime = TimeSpan.FromDays(30);

    /// <summary>A song the provider does not have is asked about again after a day (catalogs change).</summary>
    public static readonly TimeSpan MissLifetime = TimeSpan.FromDays(1);

    /// <summary>How long a lookup may go on in the background once its list has gone out.</summary>
    private static readonly TimeSpan BackgroundLimit = TimeSpan.FromSeconds(10);

    /// <summary>One lookup per track at a time, however many lists want it at once.</summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<Lookup>>> _lookups = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<Track>> WithMediaAsync(IReadOnlyList<Track> tracks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (provider is null || tracks.Count == 0)
        {
            return tracks;
        }

        var started = clock.GetUtcNow();
        var cached = await CachedAsync([.. tracks.Select(t => t.Id)], cancellationToken).ConfigureAwait(false);
        var lookups = tracks
            .Where(t => !cached.ContainsKey(t.Id))
            .DistinctBy(t => t.Id)
            .ToDictionary(t => t.Id, LookUp, StringComparer.Ordinal);
        var left = Deadline - (clock.GetUtcNow() - started);
        if (lookups.Count > 0 && left > TimeSpan.Zero)
        {
            await Task.WhenAny(Task.WhenAll(lookups.Values), Task.Delay(left, clock, cancellationToken)).ConfigureAwait(false);
        }

        return
        [
            .. tracks.Select(track => cached.TryGetValue(track.Id, out var entry)
                ? track with { Media = entry.Media }
                : lookups[track.Id] is { IsCompletedSuccessfully: true } done ? track with { Media = done.Result.Media } : track),
        ];
    }

    /// <summary>
    /// A just-fetched preview URL of a catalog track (the preview route), or null when it has none or there is no
    /// provider. Stores nothing, as a GET never writes: a song offered in a list was cached when the list was picked.
    /// </summary>
    /// <exception cref="TrackProviderException">The provider could not be asked.</exception>
    public async Task<Uri?> PreviewUrlAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        if (provider is null)
        {
            return null;
        }

        var media = await MediaOfAsync(provider, track, cancellationToken).ConfigureAwait(false);
        return media is { HasPreview: true } && media.Provider == provider.Provider
            ? await provider.PreviewUrlAsync(media.ProviderTrackId, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>From the cache, else the lookup a list started, else the provider itself (not stored).</summary>
    private async Task<TrackMedia?> MediaOfAsync(ITrackMediaResolver resolver, Track track, CancellationToken cancellationToken)
    {
        var cached = await CachedAsync([track.Id], cancellationToken).ConfigureAwait(false);
        if (cached.TryGetValue(track.Id, out var entry))
        {
            return entry.Media;
        }

        if (!_lookups.TryGetValue(track.Id, out var inFlight))
        {
            return await resolver.FindAsync(track, cancellationToken).ConfigureAwait(false);
        }

        var lookup = await inFlight.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return lookup.Failed ? throw new TrackProviderException($"The provider could not be asked about '{track.Id}'.") : lookup.Media;
    }

    private async Task<IReadOnlyDictionary<string, CachedTrackMedia>> CachedAsync(string[] ids, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            return await cache.GetManyAsync(ids, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            // The cache is an optimisation: a store that is slow or failing only means asking the provider.
            return new Dictionary<string, CachedTrackMedia>();
        }
    }

    private Task<Lookup> LookUp(Track track) =>
        _lookups.GetOrAdd(track.Id, _ => new Lazy<Task<Lookup>>(() => StartLookUp(track))).Value;

    /// <summary>
    /// Answers as soon as the provider has; the cache write goes on after that (a list must not wait for a disk),
    /// and the lookup stays the one in flight until its answer is cached.
    /// </summary>
    private Task<Lookup> StartLookUp(Track track)
    {
        var answer = new TaskCompletionSource<Lookup>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = Task.Run(async () =>
        {
            // Not the caller's token: the lookup outlives the list that started it.
            using var limit = new CancellationTokenSource(BackgroundLimit, clock);
            try
            {
                var media = await provider!.FindAsync(track, limit.Token).ConfigureAwait(false);
                answer.SetResult(new Lookup(media, Failed: false));
                var lifetime = media is null ? MissLifetime : FoundLifetime;
                await cache.PutAsync(track.Id, new CachedTrackMedia(media, clock.GetUtcNow() + lifetime), limit.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A provider failure is not cached as a miss: the circuit limits how often it is asked again.
                // (After an answer, a failed cache write only means asking again next time.)
                answer.TrySetResult(new Lookup(null, Failed: true));
            }
            finally
            {
                _lookups.TryRemove(track.Id, out _);
            }
        });
        return answer.Task;
    }

    /// <summary>What one lookup found; <see cref="Failed"/> when the provider could not be asked (nothing cached).</summary>
    private sealed record Lookup(TrackMedia? Media, bool Failed);
}
