using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

public sealed class PhotoUploadedQueueTests
{
    [Fact]
    public async Task Serves_devices_in_turn_so_one_photo_of_another_device_waits_behind_one_photo_of_a_busy_device()
    {
        var queue = new PhotoUploadedQueue();
        var busyDevice = DeviceIdentity.DeviceIdFor(TestDevices.NewToken());
        var busyKeys = Enumerable.Range(0, 20).Select(_ => PhotoKey.For(busyDevice, AnalysisIds.New(DateTimeOffset.UtcNow))).ToList();
        var otherKey = PhotoKey.For(DeviceIdentity.DeviceIdFor(TestDevices.NewToken()), AnalysisIds.New(DateTimeOffset.UtcNow));
        busyKeys.ForEach(queue.Enqueue);
        queue.Enqueue(otherKey);

        var served = await queue.ReadAllAsync(CancellationToken.None).Take(21).ToListAsync();

        Assert.Equal([busyKeys[0], otherKey, .. busyKeys[1..]], served);
    }
}
