using System.Net;
using System.Text;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage;
using Moodtunes.Testing;

namespace AnalyzeFunction.Tests;

/// <summary>
/// POST /events as the Lambda Web Adapter sends it, on the function's own Program with embedded storage:
/// real photos through the real vision models, stored results, deleted photos, replays as no-ops.
/// </summary>
public sealed class S3EventTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    private const string EventsPath = "/events";

    [Fact]
    public async Task The_astronaut_photo_becomes_a_done_happy_analysis_with_tracks_and_the_photo_is_deleted()
    {
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        var pending = await UploadedAsync(photo);

        var outcomes = await PostAsync(S3Events.ObjectCreated((pending.PhotoKey, photo.Length)));

        Assert.Equal(["done"], outcomes);
        var done = await StoredAsync(pending);
        Assert.Equal(AnalysisStatus.Done, done.Status);
        Assert.NotNull(done.FinishedAt);
        Assert.Null(done.Failure);
        var result = Assert.IsType<AnalysisResult>(done.Result);
        Assert.Equal(Emotion.Happy, result.Emotion);
        Assert.NotEmpty(result.Faces);
        Assert.Equal((512, 512), (result.ImageWidth, result.ImageHeight));
        var tracks = Assert.IsType<TrackSelection>(done.Tracks);
        Assert.InRange(tracks.Current.Count, 5, int.MaxValue);
        Assert.All(tracks.Current, t => Assert.Contains(TrackCatalog.Default.WithLabel(CatalogLabel.Happy), c => c.Track.Id == t.Id));
        Assert.Equal(pending.CreatedAt, done.CreatedAt);
        Assert.False(File.Exists(factory.PhotoPath(pending.PhotoKey)));
    }

    /// <summary>Built on use: xunit would otherwise serialise every byte (10 MB of them) to list the test cases.</summary>
    private static readonly Dictionary<string, Func<byte[]>> Unusable = new()
    {
        ["cat"] = () => TestPhotos.Read(TestPhotos.Cat),
        ["coffee"] = () => TestPhotos.Read(TestPhotos.Coffee),
        ["PDF"] = () => BadFiles.Pdf,
        ["empty file"] = () => BadFiles.Empty,
        ["truncated JPEG"] = () => BadFiles.Truncated(TestPhotos.Read(TestPhotos.GraceHopper)),
        ["50000×50000 PNG"] = () => BadFiles.HugePng(50_000, 50_000),
        ["progressive JPEG scan bomb"] = ScanBomb,
        ["GIF"] = () => BadFiles.Gif,
        ["over 10 MiB"] = () => BadFiles.RandomBytes((10 * 1024 * 1024) + 1, seed: 3),
    };

    [Theory]
    [InlineData("cat", FailureCode.NoFace)]
    [InlineData("coffee", FailureCode.NoFace)]
    [InlineData("PDF", FailureCode.NotAnImage)]
    [InlineData("empty file", FailureCode.NotAnImage)]
    [InlineData("truncated JPEG", FailureCode.CorruptImage)]
    [InlineData("50000×50000 PNG", FailureCode.ImageTooLarge)]
    [InlineData("progressive JPEG scan bomb", FailureCode.ImageTooComplex)]
    [InlineData("GIF", FailureCode.UnsupportedImage)]
    [InlineData("over 10 MiB", FailureCode.FileTooLarge)]
    public async Task An_unusable_photo_fails_the_analysis_for_good_with_its_code_and_is_deleted(string description, FailureCode code)
    {
        var photo = Unusable[description]();
        var pending = await UploadedAsync(photo);

        var outcomes = await PostAsync(S3Events.ObjectCreated((pending.PhotoKey, photo.Length)));

        Assert.Equal(["failed"], outcomes);
        var failed = await StoredAsync(pending);
        Assert.Equal(AnalysisStatus.Failed, failed.Status);
        Assert.Equal(code, failed.Failure!.Code);
        Assert.False(string.IsNullOrWhiteSpace(failed.Failure.Message), description);
        Assert.Null(failed.Result);
        Assert.False(File.Exists(factory.PhotoPath(pending.PhotoKey)), description);
    }

    private static byte[] ScanBomb()
    {
        using var flat = ProgressiveJpegs.Flat(2000, 2000);
        return ProgressiveJpegs.ScanBomb(ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(flat)), 1_000);
    }

    [Fact]
    public async Task An_event_whose_photo_never_arrived_fails_it_as_missing()
    {
        var pending = PendingAnalyses.New(TestDevices.NewDeviceId());
        await factory.Analyses.CreateAsync(pending, CancellationToken.None);

        var outcomes = await PostAsync(S3Events.ObjectCreated((pending.PhotoKey, 1234)));

        Assert.Equal(["failed"], outcomes);
        Assert.Equal(FailureCode.PhotoMissing, (await StoredAsync(pending)).Failure?.Code);
    }

    [Fact]
    public async Task A_photo_that_arrives_after_the_analysis_read_as_abandoned_keeps_it_failed_as_missing()
    {
        var late = PendingAnalyses.New(
            TestDevices.NewDeviceId(), DateTimeOffset.UtcNow - AbandonedAnalyses.GiveUpAfter - TimeSpan.FromMinutes(1));
        await factory.Analyses.CreateAsync(late, CancellationToken.None);
        await WritePhotoAsync(late.PhotoKey, TestPhotos.Read(TestPhotos.Astronaut));

        var outcomes = await PostAsync(S3Events.ObjectCreated((late.PhotoKey, 1234)));

        Assert.Equal(["failed"], outcomes);
        Assert.Equal(FailureCode.PhotoMissing, (await StoredAsync(late)).Failure?.Code);
        Assert.False(File.Exists(factory.PhotoPath(late.PhotoKey)));
    }

    [Fact]
    public async Task A_replayed_event_is_a_200_no_op_that_keeps_the_first_result()
    {
        var photo = TestPhotos.Read(TestPhotos.GraceHopper);
        var pending = await UploadedAsync(photo);
        var notification = await S3Events.ObjectCreated((pending.PhotoKey, photo.Length)).ReadAsStringAsync();
        Assert.Equal(["done"], await PostAsync(new StringContent(notification, Encoding.UTF8, "application/json")));
        var first = await StoredAsync(pending);

        // S3 delivers at least once: the same event again, even with the photo uploaded again meanwhile.
        await WritePhotoAsync(pending.PhotoKey, photo);
        var replay = await PostAsync(new StringContent(notification, Encoding.UTF8, "application/json"));

        Assert.Equal(["already-finished"], replay);
        var after = await StoredAsync(pending);
        Assert.Equal(first.FinishedAt, after.FinishedAt);
        Assert.Equal(StoredDocuments.Write(first.Result!), StoredDocuments.Write(after.Result!));
        Assert.Equal(first.Tracks!.Current, after.Tracks!.Current);
        Assert.False(File.Exists(factory.PhotoPath(pending.PhotoKey)));
    }

    [Fact]
    public async Task A_photo_without_an_analysis_is_deleted()
    {
        var key = PhotoKey.For(TestDevices.NewDeviceId(), AnalysisIds.New(DateTimeOffset.UtcNow));
        await WritePhotoAsync(key, TestPhotos.Read(TestPhotos.Astronaut));

        var outcomes = await PostAsync(S3Events.ObjectCreated((key, 1000)));

        Assert.Equal(["unknown-analysis"], outcomes);
        Assert.False(File.Exists(factory.PhotoPath(key)));
    }

    [Fact]
    public async Task Every_record_of_one_event_is_handled_in_order()
    {
        var happy = TestPhotos.Read(TestPhotos.Astronaut);
        var first = await UploadedAsync(happy);
        var second = await UploadedAsync(BadFiles.Pdf);
        var third = await UploadedAsync(TestPhotos.Read(TestPhotos.GraceHopper));

        var outcomes = await PostAsync(S3Events.ObjectCreated(
            (first.PhotoKey, happy.Length), (second.PhotoKey, BadFiles.Pdf.Length), (third.PhotoKey, 1)));

        Assert.Equal(["done", "failed", "done"], outcomes);
        Assert.Equal(Emotion.Happy, (await StoredAsync(first)).Result?.Emotion);
        Assert.Equal(FailureCode.NotAnImage, (await StoredAsync(second)).Failure?.Code);
        Assert.Equal(AnalysisStatus.Done, (await StoredAsync(third)).Status);
    }

    [Fact]
    public async Task Keys_are_url_decoded_before_use()
    {
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        var pending = await UploadedAsync(photo);

        // Percent-encoding where S3 would not use it still names the same object.
        var outcomes = await PostAsync(S3Events.ObjectCreated((Uri.EscapeDataString(pending.PhotoKey), photo.Length)));

        Assert.Equal(["done"], outcomes);
        Assert.Equal(AnalysisStatus.Done, (await StoredAsync(pending)).Status);
    }

    [Fact]
    public async Task A_key_the_upload_function_could_not_have_issued_is_ignored_and_left_alone()
    {
        // Photo keys are "photos/{sha-256 hex}/{analysis id}": a space (sent as '+') or a made-up device is not one.
        var key = $"photos/a device/{AnalysisIds.New(DateTimeOffset.UtcNow)}";
        await WritePhotoAsync(key, BadFiles.Pdf);

        var outcomes = await PostAsync(S3Events.ObjectCreated((S3Events.EncodeKey(key), BadFiles.Pdf.Length)));

        Assert.Contains("+", S3Events.EncodeKey(key), StringComparison.Ordinal);
        Assert.Equal(["ignored"], outcomes);
        Assert.True(File.Exists(factory.PhotoPath(key)));
    }

    [Fact]
    public async Task Objects_outside_the_photo_keys_are_left_alone()
    {
        const string key = "exports/report.json";
        await WritePhotoAsync(key, Encoding.UTF8.GetBytes("{}"));

        var outcomes = await PostAsync(S3Events.ObjectCreated((key, 2)));

        Assert.Equal(["ignored"], outcomes);
        Assert.True(File.Exists(factory.PhotoPath(key)));
    }

    [Fact]
    public async Task Records_other_than_object_created_are_skipped()
    {
        var pending = await UploadedAsync(TestPhotos.Read(TestPhotos.Astronaut));

        var outcomes = await PostAsync(S3Events.Event("ObjectRemoved:Delete", (pending.PhotoKey, 0)));

        Assert.Empty(outcomes);
        Assert.Equal(AnalysisStatus.Pending, (await StoredAsync(pending)).Status);
        Assert.True(File.Exists(factory.PhotoPath(pending.PhotoKey)));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"Records\": [ {\"s3\": ")]
    [InlineData("")]
    [InlineData("{\"hello\": \"world\"}")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"Records\": [ {\"eventName\": \"ObjectCreated:Put\"} ]}")]
    [InlineData("{\"Records\": [ {\"eventName\": \"ObjectCreated:Put\", \"s3\": {\"bucket\": {\"name\": \"b\"}}} ]}")]
    public async Task A_body_that_is_not_an_s3_event_is_a_400_problem(string body)
    {
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(EventsPath, new StringContent(body, Encoding.UTF8, "application/json"));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemCode.NotAnS3Event);
    }

    /// <summary>A pending analysis of a new device whose photo is already in the bucket, as after a browser upload.</summary>
    private async Task<Analysis> UploadedAsync(byte[] photo)
    {
        var pending = PendingAnalyses.New(TestDevices.NewDeviceId());
        await factory.Analyses.CreateAsync(pending, CancellationToken.None);
        await WritePhotoAsync(pending.PhotoKey, photo);
        return pending;
    }

    private async Task WritePhotoAsync(string key, byte[] photo)
    {
        using var content = new MemoryStream(photo);
        await factory.Photos.WriteAsync(key, content, long.MaxValue, CancellationToken.None);
    }

    private async Task<Analysis> StoredAsync(Analysis analysis) =>
        await factory.Analyses.GetAsync(analysis.DeviceId, analysis.Id, CancellationToken.None)
        ?? throw new InvalidOperationException($"Analysis {analysis.Id} is gone.");

    /// <summary>Posts the event, expects 200 and returns what the function did with each record.</summary>
    private async Task<List<string>> PostAsync(HttpContent notification)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsync(EventsPath, notification);
        var body = await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
        return [.. body.GetProperty("processed").EnumerateArray().Select(o => o.GetString()!)];
    }
}
