using System.Runtime.CompilerServices;
using Moodtunes.Core.Analyses;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local stand-in for S3 → Lambda: photo keys waiting for the analyze function, a queue per device served
/// in turn, one photo of a device at a time. A device that sends twenty costly photos holds one worker; another
/// device's photo takes the next free worker, or waits for at most one photo per worker when every worker is busy.
/// </summary>
public sealed class PhotoUploadedQueue
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<string>> _waitingByDevice = [];
    private readonly HashSet<string> _beingAnalysed = [];

    // Devices with a photo waiting and none being analysed, in the order they are served; the semaphore counts them.
    private readonly Queue<string> _turns = new();
    private readonly SemaphoreSlim _ready = new(0);

    public void Enqueue(string key)
    {
        var device = DeviceOf(key);
        lock (_gate)
        {
            if (!_waitingByDevice.TryGetValue(device, out var keys))
            {
                keys = new Queue<string>();
                _waitingByDevice[device] = keys;
            }

            keys.Enqueue(key);
            if (keys.Count == 1 && !_beingAnalysed.Contains(device))
            {
                TakeTurn(device);
            }
        }
    }

    /// <summary>
    /// Each photo as a worker asks for it: the oldest photo of the next device in turn. The device's next photo
    /// waits until this turn is disposed, then the device queues for a turn behind the others.
    /// </summary>
    public async IAsyncEnumerable<PhotoTurn> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            await _ready.WaitAsync(cancellationToken).ConfigureAwait(false);
            yield return TakeNext();
        }
    }

    private PhotoTurn TakeNext()
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

            _beingAnalysed.Add(device);
            return new PhotoTurn(key, () => Finish(device));
        }
    }

    private void Finish(string device)
    {
        lock (_gate)
        {
            _beingAnalysed.Remove(device);
            if (_waitingByDevice.ContainsKey(device))
            {
                TakeTurn(device);
            }
        }
    }

    private void TakeTurn(string device)
    {
        _turns.Enqueue(device);
        _ready.Release();
    }

    // Keys the upload endpoint accepted always parse; anything else waits in one queue of its own.
    private static string DeviceOf(string key) => PhotoKey.TryParse(key, out var deviceId, out _) ? deviceId : string.Empty;
}

/// <summary>One photo handed to a worker; disposing it (once analysed, or given up on) lets its device's next photo queue.</summary>
public sealed class PhotoTurn(string key, Action finish) : IDisposable
{
    private Action? _finish = finish;

    public string Key { get; } = key;

    public void Dispose() => Interlocked.Exchange(ref _finish, null)?.Invoke();
}
