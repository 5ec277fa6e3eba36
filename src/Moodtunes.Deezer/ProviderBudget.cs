namespace Moodtunes.Deezer;

/// <summary>
/// At most <c>requests</c> provider requests in any <c>window</c>, for the whole process, kept below the provider's
/// own quota (Deezer's is reported as 50 requests per 5 s): the quota is per client address, so a flood of lookups
/// from anyone (the preview route needs no token) would otherwise leave every user without covers or previews.
/// A sliding log rather than a token bucket, whose burst plus refill could pass the quota within one window.
/// A request over the budget is not made at all; it is not a provider failure either, so the circuit is left alone.
/// </summary>
internal sealed class ProviderBudget(int requests, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _lock = new();

    /// <summary>When each of the last (at most <c>requests</c>) requests was let through, oldest first.</summary>
    private readonly Queue<DateTimeOffset> _granted = new(requests);

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            while (_granted.TryPeek(out var oldest) && now - oldest >= window)
            {
                _granted.Dequeue();
            }

            if (_granted.Count >= requests)
            {
                return false;
            }

            _granted.Enqueue(now);
            return true;
        }
    }
}
