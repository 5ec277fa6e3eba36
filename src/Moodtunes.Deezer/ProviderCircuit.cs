namespace Moodtunes.Deezer;

/// <summary>
/// Stops calling a provider that keeps failing: after <c>failuresToOpen</c> failures in a row every call is
/// refused for <c>openFor</c>, then one call is let through to try again. No retries either way, so a
/// struggling provider sees at most one request per track.
/// </summary>
internal sealed class ProviderCircuit(int failuresToOpen, TimeSpan openFor, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return clock.GetUtcNow() < _openUntil;
            }
        }
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _failures = 0;
        }
    }

    public void Failed()
    {
        lock (_lock)
        {
            if (++_failures >= failuresToOpen)
            {
                _openUntil = clock.GetUtcNow() + openFor;
                _failures = 0;
            }
        }
    }
}
