using System.Net;
using System.Text.Json;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;
using SkiaSharp;

namespace Moodtunes.LocalServer.Tests;

/// <summary>
/// One device sending many costly photos cannot hold up another device's photo by more than the photos already being
/// analysed: told by the order the analyses finish in, not by a clock (the times are in benchmarks/, "Issue 24's attacks").
/// </summary>
[Slow]
public sealed class FairQueueTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    private const int Flood = 20;

    /// <summary>The local server's workers in these tests (<see cref="LocalServerFactory"/>): at most one flood photo each is under way.</summary>
    private const int Workers = 2;

    [Fact]
    public async Task Scan_bombs_from_one_device_are_refused_and_another_devices_photo_is_analysed()
    {
        using var flat = ProgressiveJpegs.Flat(4000, 4000);
        var bomb = ProgressiveJpegs.ScanBomb(ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(flat)), 900);

        var (_, flood) = await OtherDevicePhotoWhileFloodedAsync(bomb);

        Assert.All(flood, analysis => Assert.Equal(FailureCode.ImageTooComplex.ToWire(), analysis.GetProperty("failure").GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Another_devices_photo_is_analysed_after_at_most_the_flood_photos_already_under_way()
    {
        // 12 MP progressive 4:4:4, the costliest kind a real camera or editor saves and the decoder still accepts.
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var large = PhotoBuilder.Resized(astronaut, 4032, 3024);
        var costly = ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(large, SKJpegEncoderDownsample.Downsample444));

        var (selfie, flood) = await OtherDevicePhotoWhileFloodedAsync(costly);

        Assert.All(flood, analysis => Assert.Equal("done", analysis.GetProperty("status").GetString()));
        var (queuedAt, finishedAt) = (Instant(selfie, "createdAt"), Instant(selfie, "finishedAt"));
        var aheadOfIt = flood.Count(f => Instant(f, "finishedAt") is var done && done > queuedAt && done <= finishedAt);
        Assert.True(aheadOfIt <= Workers, $"{aheadOfIt} flood photos finished while the other device's photo waited");
        Assert.Contains(flood, f => Instant(f, "finishedAt") > finishedAt);
    }

    /// <summary>Uploads the flood from one device, then one selfie from another; returns the selfie's analysis and the flood's, all finished.</summary>
    private async Task<(JsonElement Selfie, IReadOnlyList<JsonElement> Flood)> OtherDevicePhotoWhileFloodedAsync(byte[] photo)
    {
        using var flooding = server.CreateDeviceClient(TestDevices.NewToken());
        using var other = server.CreateDeviceClient(TestDevices.NewToken());
        var selfie = TestPhotos.Read(TestPhotos.GraceHopper);
        await Analyses.WaitUntilFinishedAsync(other, await UploadAsync(other, selfie)); // models loaded before the flood

        var flood = await Task.WhenAll(Enumerable.Range(0, Flood).Select(_ => UploadAsync(flooding, photo)));

        var analysis = await Analyses.WaitUntilFinishedAsync(other, await UploadAsync(other, selfie));
        Assert.Equal("done", analysis.GetProperty("status").GetString());
        var finished = new List<JsonElement>();
        foreach (var id in flood)
        {
            finished.Add(await Analyses.WaitUntilFinishedAsync(flooding, id));
        }

        return (analysis, finished);
    }

    private static DateTimeOffset Instant(JsonElement analysis, string property) => analysis.GetProperty(property).GetDateTimeOffset();

    private static async Task<string> UploadAsync(HttpClient client, byte[] photo)
    {
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", photo.Length);
        using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
        Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
        return upload.AnalysisId;
    }
}
