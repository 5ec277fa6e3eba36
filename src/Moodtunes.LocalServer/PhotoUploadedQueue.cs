using System.Runtime.CompilerServices;
using Moodtunes.Core.Analyses;

namespace Moodtunes.LocalServer;

/// <summary>
/// The local stand-in for S3 → Lambda: photo keys waiting for the analyze function, served fairly at two levels.
/// Network addresses take turns; within an address its devices take turns; a device has one photo analysed at a
/// time. Device tokens cost nothing, so one client inventing thirty of them still gets one turn per round, the
/// same as the phone beside it on another address: another address's photo takes the next free worker, or waits
/// for at most one photo per worker when every worker is busy (and each photo's cost is capped by the decoder's
/// budget, ImageLoadOptions).
/// </summary>
public sealed class PhotoUploadedQueue
{
    /// <summary>Where photos recovered at start came from: unknown, so they share one turn.</summary>
    public const string UnknownAddress = "";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<(string Key, string Address)>> _waitingByDevice = [];
    private readonly HashSet<string> _beingAnalysed = [];

    // Devices with a photo waiting and none being analysed, per address in the order they are served; addresses
    // with such a device, in the order they are served. The semaphore counts the devices.
    private readonly Dictionary<string, Queue<string>> _readyByAddress = [];
    private readonly Queue<string> _addressTurns = new();
    private readonly SemaphoreSlim _ready = new(0);

    /// <summary>Queues a photo that arrived from <paramref name="address"/> (the uploader's network address).</summary>
    public void Enqueue(string key, string address = UnknownAddress)
    {
        var device = DeviceOf(key);
        lock (_gate)
        {
            if (!_waitingByDevice.TryGetValue(device, out var keys))
            {
                keys = new Queue<(string, string)>();
                _waitingByDevice[device] = keys;
            }

            keys.Enqueue((key, address));
            if (keys.Count == 1 && !_beingAnalysed.Contains(device))
            {
                TakeTurn(device, address);
            }
        }
    }

    /// <summary>
    /// Each photo as a worker asks for it: the oldest photo of the next device in turn of the next address in turn.
    /// The device's next photo waits until this turn is disposed, then the device queues behind its address's others.
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
            var address = _addressTurns.Dequeue();
            var devices = _readyByAddress[address];
            var device = devices.Dequeue();
            if (devices.Count == 0)
            {
                _readyByAddress.Remove(address);
            }
            else
            {
                _addressTurns.Enqueue(address);
            }

            var keys = _waitingByDevice[device];
            var (key, _) = keys.Dequeue();
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
            if (_waitingByDevice.TryGetValue(device, out var keys))
            {
                TakeTurn(device, keys.Peek().Address);
            }
        }
    }

    private void TakeTurn(string device, string address)
    {
        if (!_readyByAddress.TryGetValue(address, out var devices))
        {
            devices = new Queue<string>();
            _readyByAddress[address] = devices;
            _addressTurns.Enqueue(address);
        }

        devices.Enqueue(device);
        _ready.Release();
    }

    // Keys the upload endpoint accepted always parse; anything else waits in one queue of its own.
    private static string DeviceOf(string key) => PhotoKey.TryParse(key, out var deviceId, out _) ? deviceId.Value : string.Empty;
}

/// <summary>One photo handed to a worker; disposing it (once analysed, or given up on) lets its device's next photo queue.</summary>
public sealed class PhotoTurn(string key, Action finish) : IDisposable
{
    private Action? _finish = finish;

    public string Key { get; } = key;

    public void Dispose() => Interlocked.Exchange(ref _finish, null)?.Invoke();
}
