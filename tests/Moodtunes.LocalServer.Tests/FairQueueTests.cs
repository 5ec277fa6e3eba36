using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Moodtunes.Testing;
using SkiaSharp;
using Xunit.Abstractions;

namespace Moodtunes.LocalServer.Tests;

/// <summary>One device sending many costly photos cannot hold up another device's photo by more than one photo's budget.</summary>
public sealed class FairQueueTests(LocalServerFactory server, ITestOutputHelper output) : IClassFixture<LocalServerFactory>
{
    private const int Bombs = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Another_devices_photo_finishes_within_2_s_while_one_device_sends_20_scan_bombs()
    {
        using var flat = ProgressiveJpegs.Flat(4000, 4000);
        var bomb = ProgressiveJpegs.ScanBomb(ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(flat)), 900);

        var (waited, bombs) = await OtherDeviceWaitWhileFloodedAsync(bomb);

        Assert.All(bombs, code => Assert.Equal("image-too-complex", code));
        Assert.True(waited < Patience, $"the other device waited {waited.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Another_devices_photo_finishes_within_2_s_while_one_device_sends_20_costly_camera_photos()
    {
        // 12 MP progressive 4:4:4, the costliest kind a real camera or editor saves and the decoder still accepts.
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var large = PhotoBuilder.Resized(astronaut, 4032, 3024);
        var costly = ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(large, SKJpegEncoderDownsample.Downsample444));

        var (waited, flood) = await OtherDeviceWaitWhileFloodedAsync(costly);

        Assert.All(flood, status => Assert.Equal("done", status));
        Assert.True(waited < Patience, $"the other device waited {waited.TotalMilliseconds:0} ms");
    }

    /// <summary>Uploads the flood from one device, then one selfie from another; returns how long the selfie took and how the flood ended (how much of it was still queued is printed).</summary>
    private async Task<(TimeSpan Waited, IReadOnlyList<string?> Flood)> OtherDeviceWaitWhileFloodedAsync(byte[] photo)
    {
        using var flooding = server.CreateDeviceClient(TestDevices.NewToken());
        using var other = server.CreateDeviceClient(TestDevices.NewToken());
        var selfie = TestPhotos.Read(TestPhotos.GraceHopper);
        await Analyses.WaitUntilFinishedAsync(other, await UploadAsync(other, selfie)); // models loaded before the clock starts

        var flood = await Task.WhenAll(Enumerable.Range(0, Bombs).Select(_ => UploadAsync(flooding, photo)));

        var clock = Stopwatch.StartNew();
        var analysis = await Analyses.WaitUntilFinishedAsync(other, await UploadAsync(other, selfie));
        var waited = clock.Elapsed;
        Assert.Equal("done", analysis.GetProperty("status").GetString());
        var stillPending = 0;
        foreach (var id in flood)
        {
            stillPending += (await Analyses.GetAsync(flooding, id)).GetProperty("status").GetString() == "pending" ? 1 : 0;
        }

        var outcomes = new List<string?>();
        foreach (var id in flood)
        {
            var finished = await Analyses.WaitUntilFinishedAsync(flooding, id);
            outcomes.Add(finished.TryGetProperty("failure", out var failure) && failure.ValueKind is not JsonValueKind.Null
                ? failure.GetProperty("code").GetString()
                : finished.GetProperty("status").GetString());
        }

        output.WriteLine($"{photo.Length / 1024} KB × {Bombs} from one device: the other device's photo took {waited.TotalMilliseconds:0} ms, with {stillPending} of the flood still pending; all {Bombs} finished {clock.ElapsedMilliseconds} ms after it was sent");
        return (waited, outcomes);
    }

    private static async Task<string> UploadAsync(HttpClient client, byte[] photo)
    {
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", photo.Length);
        using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        return upload.AnalysisId;
    }
}
