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
        busyKeys.ForEach(queue.Enqueue);
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
        keys.ForEach(queue.Enqueue);
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
        busyKeys.ForEach(queue.Enqueue);
        await using var turns = queue.ReadAllAsync(CancellationToken.None).GetAsyncEnumerator();
        Assert.True(await turns.MoveNextAsync());
        using var busy = turns.Current;

        var otherKey = KeysOfOneDevice(1)[0];
        queue.Enqueue(otherKey);

        Assert.True(await turns.MoveNextAsync());
        Assert.Equal(otherKey, turns.Current.Key);
    }

    private static List<string> KeysOfOneDevice(int count)
    {
        var device = DeviceIdentity.DeviceIdFor(TestDevices.NewToken());
        return [.. Enumerable.Range(0, count).Select(_ => PhotoKey.For(device, AnalysisIds.New(DateTimeOffset.UtcNow)))];
    }
}
