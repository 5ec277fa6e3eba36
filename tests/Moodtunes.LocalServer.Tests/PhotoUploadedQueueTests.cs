using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

public sealed class PhotoUploadedQueueTests
{
    private static readonly TimeSpan NothingMore = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Serves_devices_in_turn_so_one_photo_of_another_device_waits_behind_one_photo_of_a_busy_device()
    {
        var queue = new PhotoUploadedQueue();
        var busyKeys = KeysOfOneDevice(20);
        var otherKey = KeysOfOneDevice(1)[0];
        busyKeys.ForEach(key => queue.Enqueue(key));
        queue.Enqueue(otherKey);

        var served = new List<string>();
        await foreach (var turn in queue.ReadAllAsync(CancellationToken.None).Take(21))
        {
            served.Add(turn.Key);
            turn.Dispose();
        }

        Assert.Equal([busyKeys[0], otherKey, .. busyKeys[1..]], served);
    }

    [Fact]
    public async Task Hands_out_a_devices_next_photo_only_once_its_photo_being_analysed_is_finished()
    {
        var queue = new PhotoUploadedQueue();
        var keys = KeysOfOneDevice(2);
        keys.ForEach(key => queue.Enqueue(key));
        await using var turns = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();

        Assert.True(await turns.MoveNextAsync());
        var first = turns.Current;
        var second = turns.MoveNextAsync().AsTask();
        var early = await Task.WhenAny(second, Task.Delay(NothingMore));
        first.Dispose();

        Assert.NotSame(second, early);
        Assert.True(await second);
        Assert.Equal([keys[0], keys[1]], [first.Key, turns.Current.Key]);
    }

    [Fact]
    public async Task Gives_a_free_worker_another_devices_photo_while_a_busy_devices_photo_is_analysed()
    {
        var queue = new PhotoUploadedQueue();
        var busyKeys = KeysOfOneDevice(5);
        busyKeys.ForEach(key => queue.Enqueue(key));
        await using var turns = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await turns.MoveNextAsync());
        using var busy = turns.Current;

        var otherKey = KeysOfOneDevice(1)[0];
        queue.Enqueue(otherKey);

        Assert.True(await turns.MoveNextAsync());
        Assert.Equal(otherKey, turns.Current.Key);
    }

    [Fact]
    public async Task Serves_addresses_in_turn_so_one_address_with_thirty_tokens_holds_up_anothers_photo_by_one_photo()
    {
        var queue = new PhotoUploadedQueue();
        var flood = Enumerable.Range(0, 30).SelectMany(_ => KeysOfOneDevice(2)).ToList();
        flood.ForEach(key => queue.Enqueue(key, "203.0.113.7"));
        var selfie = KeysOfOneDevice(1)[0];
        queue.Enqueue(selfie, "198.51.100.20");

        var served = new List<string>();
        await foreach (var turn in queue.ReadAllAsync(CancellationToken.None).Take(3))
        {
            served.Add(turn.Key);
            turn.Dispose();
        }

        Assert.Equal(selfie, served[1]);
    }

    [Fact]
    public async Task Within_one_address_devices_take_turns()
    {
        var queue = new PhotoUploadedQueue();
        var busyKeys = KeysOfOneDevice(3);
        busyKeys.ForEach(key => queue.Enqueue(key, "192.0.2.1"));
        var otherKey = KeysOfOneDevice(1)[0];
        queue.Enqueue(otherKey, "192.0.2.1");

        var served = new List<string>();
        await foreach (var turn in queue.ReadAllAsync(CancellationToken.None).Take(4))
        {
            served.Add(turn.Key);
            turn.Dispose();
        }

        Assert.Equal([busyKeys[0], otherKey, busyKeys[1], busyKeys[2]], served);
    }

    private static List<string> KeysOfOneDevice(int count)
    {
        var device = TestDevices.NewDeviceId();
        return [.. Enumerable.Range(0, count).Select(_ => PhotoKey.For(device, AnalysisIds.New(DateTimeOffset.UtcNow)))];
    }
}
