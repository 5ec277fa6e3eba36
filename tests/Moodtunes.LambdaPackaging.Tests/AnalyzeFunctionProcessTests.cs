using System.Text;
using Moodtunes.Cdk;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Storage;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;
using Moodtunes.Testing.Aws;
using Xunit.Abstractions;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>
/// The published analyzer as its own process: S3 events reach it as the Web Adapter passes them through
/// (POST /events with the raw event JSON), and it works against DynamoDB and S3 through Storage:ServiceUrl.
/// </summary>
[Collection(LambdaFunctionsCollection.Name)]
public sealed class AnalyzeFunctionProcessTests(LambdaFunctionsFixture functions, ITestOutputHelper output)
{
    private EmulatorFixture Emulators => functions.Emulators;

    private DynamoDbAnalysisStore Analyses => new(Emulators.DynamoDb, EmulatorFixture.TableName, TimeProvider.System);

    [Fact]
    public async Task An_s3_event_for_an_uploaded_photo_finishes_its_analysis_with_the_emotion_and_tracks_and_deletes_the_photo()
    {
        var pending = await CreatePendingAsync();
        await PutPhotoAsync(pending.PhotoKey, TestPhotos.Read(TestPhotos.Astronaut));

        var processed = await functions.PostS3EventAsync(pending.PhotoKey);

        Assert.Equal(["done"], processed);
        var finished = await Analyses.GetAsync(pending.DeviceId, pending.Id, CancellationToken.None);
        Assert.NotNull(finished);
        Assert.Equal(AnalysisStatus.Done, finished.Status);
        Assert.Equal(Emotion.Happy, finished.Result?.Emotion);
        Assert.NotEmpty(finished.Tracks?.Current ?? []);
        Assert.Null(await PhotoAsync(pending.PhotoKey));
    }

    [Fact]
    public async Task Its_peak_memory_after_analysing_a_photo_fits_the_memory_the_stack_gives_it()
    {
        var pending = await CreatePendingAsync();
        await PutPhotoAsync(pending.PhotoKey, TestPhotos.Read(TestPhotos.Astronaut));
        Assert.Equal(["done"], await functions.PostS3EventAsync(pending.PhotoKey));

        // Measured here (x86-64, models loaded at start, one analysis done); docs/deploy.md records the figures.
        var peak = functions.AnalyzeFunction.PeakWorkingSetBytes;
        output.WriteLine($"start to ready {functions.AnalyzeFunction.StartToReady.TotalMilliseconds:F0} ms, peak working set {peak / 1048576.0:F1} MiB");
        Assert.InRange(peak, 1, LambdaFunctions.AnalyzeMemoryMb * 1048576L);
    }

    [Fact]
    public async Task A_replayed_event_answers_200_and_changes_nothing()
    {
        var pending = await CreatePendingAsync();
        await PutPhotoAsync(pending.PhotoKey, TestPhotos.Read(TestPhotos.Astronaut));
        await functions.PostS3EventAsync(pending.PhotoKey);
        var first = await Analyses.GetAsync(pending.DeviceId, pending.Id, CancellationToken.None);

        // At-least-once delivery: the same notification again, after the photo is gone.
        var processed = await functions.PostS3EventAsync(pending.PhotoKey);

        Assert.Equal(["already-finished"], processed);
        var after = await Analyses.GetAsync(pending.DeviceId, pending.Id, CancellationToken.None);
        Assert.Equal(AnalysisRecord.From(first!), AnalysisRecord.From(after!));
        Assert.Null(await PhotoAsync(pending.PhotoKey));
    }

    [Fact]
    public async Task An_event_for_a_photo_that_is_not_an_image_fails_the_analysis_instead_of_retrying()
    {
        var pending = await CreatePendingAsync();
        await PutPhotoAsync(pending.PhotoKey, Encoding.UTF8.GetBytes("<html>not a photo</html>"));

        var processed = await functions.PostS3EventAsync(pending.PhotoKey);

        Assert.Equal(["failed"], processed);
        var failed = await Analyses.GetAsync(pending.DeviceId, pending.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Failed, failed?.Status);
        Assert.Null(await PhotoAsync(pending.PhotoKey));
    }

    private async Task<Analysis> CreatePendingAsync()
    {
        var pending = PendingAnalyses.New(TestDevices.NewDeviceId());
        await Analyses.CreateAsync(pending, CancellationToken.None);
        return pending;
    }

    private Task PutPhotoAsync(string key, byte[] photo) => Emulators.PutObjectAsync(key, photo, "image/png");

    private Task<byte[]?> PhotoAsync(string key) =>
        new S3PhotoStore(Emulators.S3, EmulatorFixture.BucketName).ReadAsync(key, long.MaxValue, CancellationToken.None);
}
