using Moodtunes.Api.Events;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.Events;

public sealed class PhotoAnalysisServiceTests : IDisposable
{
    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_photo_with_a_face_is_stored_done_with_its_emotion_and_catalog_songs_for_it_and_the_photo_is_deleted()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));

        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal((AnalysisStatus.Done, Emotion.Happy, false, false), (stored!.Status, stored.Result!.Emotion, stored.Result.AsksForMoods, stored.Result.Unsure));
        Assert.Equal(_app.Clock.GetUtcNow(), stored.FinishedAt);
        Assert.NotEmpty(stored.Tracks!.Current);
        Assert.All(stored.Tracks.Current, t => Assert.Contains(Core.Recommendation.CatalogLabel.Happy, _app.Catalog.Find(t.Id)!.Labels));
        Assert.Equal(stored.Tracks.Current.Select(t => t.Id), stored.Tracks.ShownIds);
        Assert.False(_app.Photos.Contains(PhotoKey.For(_device, id)));
    }

    [Theory]
    [InlineData(Emotion.Neutral, false, true, false)]
    [InlineData(Emotion.Fear, true, true, true)]
    [InlineData(Emotion.Sad, false, false, false)]
    public async Task A_neutral_or_unsure_face_asks_for_moods_and_only_an_unsure_one_says_so(Emotion emotion, bool unsure, bool asks, bool saysUnsure)
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(emotion, unsure));

        var result = (await _app.Analyses.GetAsync(_device, id, CancellationToken.None))!.Result!;
        Assert.Equal((asks, saysUnsure), (result.AsksForMoods, result.Unsure));
    }

    [Fact]
    public async Task A_photo_without_a_face_is_stored_failed_no_face()
    {
        var (key, id) = await UploadedAsync();
        _app.Reader.Reading = new PhotoReading(640, 480, [], 3);

        Assert.Equal(AnalysisOutcome.Failed, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.Equal(FailureCode.NoFace, await FailureOfAsync(id));
        Assert.False(_app.Photos.Contains(key));
    }

    [Theory]
    [InlineData(FailureCode.NotAnImage)]
    [InlineData(FailureCode.ImageTooComplex)]
    [InlineData(FailureCode.InternalError)]
    public async Task A_photo_the_reader_refuses_is_stored_failed_with_the_readers_code(FailureCode code)
    {
        var (key, id) = await UploadedAsync();
        _app.Reader.Rejection = new PhotoRejectedException(code, "refused");

        Assert.Equal(AnalysisOutcome.Failed, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.Equal(code, await FailureOfAsync(id));
    }

    [Fact]
    public async Task A_photo_over_the_size_limit_is_stored_failed_file_too_large_without_being_read()
    {
        var (key, id) = await UploadedAsync(new byte[PhotoLimits.MaxBytes + 1]);

        Assert.Equal(AnalysisOutcome.Failed, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.Equal(FailureCode.FileTooLarge, await FailureOfAsync(id));
        Assert.Equal(0, _app.Reader.Reads);
    }

    [Fact]
    public async Task An_event_for_a_photo_that_is_not_there_stores_photo_missing()
    {
        var created = await _app.UploadAsync(_device);

        Assert.Equal(AnalysisOutcome.Failed, await _app.PhotoAnalysis.ProcessAsync(PhotoKey.For(_device, created.AnalysisId), CancellationToken.None));

        Assert.Equal(FailureCode.PhotoMissing, await FailureOfAsync(created.AnalysisId));
    }

    [Fact]
    public async Task A_replayed_event_changes_nothing_reads_no_photo_and_deletes_a_reuploaded_one()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Surprise));
        var first = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        var key = PhotoKey.For(_device, id);
        _app.Photos.Put(key, [1, 2, 3]);
        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(AnalysisOutcome.AlreadyFinished, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.Equal(1, _app.Reader.Reads);
        Assert.Equal(first!.FinishedAt, (await _app.Analyses.GetAsync(_device, id, CancellationToken.None))!.FinishedAt);
        Assert.False(_app.Photos.Contains(key));
    }

    [Fact]
    public async Task A_photo_arriving_after_the_give_up_time_stores_the_failure_the_page_has_shown_since()
    {
        var (key, id) = await UploadedAsync();
        var createdAt = _app.Clock.GetUtcNow();
        _app.Reader.Reading = Analysed.Face(Emotion.Happy);
        _app.Clock.Advance(AbandonedAnalyses.GiveUpAfter + TimeSpan.FromSeconds(1));

        Assert.Equal(AnalysisOutcome.Failed, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal((FailureCode.PhotoMissing, createdAt + AbandonedAnalyses.GiveUpAfter), (stored!.Failure!.Code, stored.FinishedAt));
        Assert.Equal(0, _app.Reader.Reads);
    }

    [Fact]
    public async Task A_photo_of_no_pending_analysis_is_deleted_and_nothing_is_created()
    {
        var key = PhotoKey.For(_device, AnalysisIds.New(_app.Clock.GetUtcNow()));
        _app.Photos.Put(key, [1, 2, 3]);

        Assert.Equal(AnalysisOutcome.UnknownAnalysis, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.False(_app.Photos.Contains(key));
        Assert.Empty((await _app.Analyses.ListAsync(_device, 10, null, CancellationToken.None)).Items);
    }

    [Theory]
    [InlineData("uploads/elsewhere.jpg")]
    [InlineData("photos/not-a-device/not-an-id")]
    public async Task An_object_that_is_not_a_photo_key_of_ours_is_ignored_and_left_alone(string key)
    {
        _app.Photos.Put(key, [1, 2, 3]);

        Assert.Equal(AnalysisOutcome.Ignored, await _app.PhotoAnalysis.ProcessAsync(key, CancellationToken.None));

        Assert.True(_app.Photos.Contains(key));
    }

    private async Task<(string Key, AnalysisId Id)> UploadedAsync(byte[]? photo = null)
    {
        var created = await _app.UploadAsync(_device);
        var key = PhotoKey.For(_device, created.AnalysisId);
        _app.Photos.Put(key, photo ?? [0xFF, 0xD8, 0xFF]);
        return (key, created.AnalysisId);
    }

    private async Task<FailureCode?> FailureOfAsync(AnalysisId id)
    {
        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Failed, stored!.Status);
        return stored.Failure?.Code;
    }
}
