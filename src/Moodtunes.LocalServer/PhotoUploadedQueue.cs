using System.Runtime.CompilerServices;
using Moodtunes.Core.Analyses;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local stand-in for S3 → Lambda: photo keys waiting for the analyze function, a queue per device served
/// in turn, so a device that sends twenty photos delays another device's photo by at most one photo per worker.
/// </summary>
public sealed class PhotoUploadedQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string>> _waitingByDevice = [];
    private readonly Queue<string> _turns = new();
    private readonly SemaphoreSlim _waiting = new(0);

    public void Enqueue(string key)
    {
        // Keys the upload endpoint accepted always parse; anything else waits in one queue of its own.
        var device = PhotoKey.TryParse(key, out var deviceId, out _) ? deviceId : string.Empty;
        lock (_gate)
        {
            if (!_waitingByDevice.TryGetValue(device, out var keys))
            {
                keys = new Queue<string>();
                _waitingByDevice[device] = keys;
                _turns.Enqueue(device);
            }

            keys.Enqueue(key);
        }

        _waiting.Release();
    }

    /// <summary>Each key as a worker asks for it: the next device in turn gives its oldest photo, then waits for its next turn.</summary>
    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            await _waiting.WaitAsync(cancellationToken).ConfigureAwait(false);
            yield return TakeNext();
        }
    }

    private string TakeNext()
    {
        lock (_gate)
        {
            var device = _turns.Dequeue();
            var keys = _waitingByDevice[device];
            var key = keys.Dequeue();
            if (keys.Count == 0)
            {
                _waitingByDevice.Remove(device);
            }
            else
            {
                _turns.Enqueue(device);
            }

            return key;
        }
    }
}
