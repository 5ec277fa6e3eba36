using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.Analyses;

public sealed class AnalysisServiceTests : IDisposable
{
    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Abandoned_upload_reads_as_photo_missing_after_give_up_time_and_the_read_writes_nothing()
    {
        var created = await _app.UploadAsync(_device);
        var createdAt = _app.Clock.GetUtcNow();

        _app.Clock.Advance(AbandonedAnalyses.GiveUpAfter);
        Assert.Equal(AnalysisStatus.Pending, (await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None))!.Status);

        _app.Clock.Advance(TimeSpan.FromTicks(1));
        var seen = await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None);

        Assert.Equal((AnalysisStatus.Failed, FailureCode.PhotoMissing, createdAt + AbandonedAnalyses.GiveUpAfter), (seen!.Status, seen.Failure!.Code, seen.FinishedAt));
        Assert.Equal(AnalysisStatus.Pending, (await _app.Analyses.GetAsync(_device, created.AnalysisId, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_finished_analysis_reads_as_it_was_stored()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));
        _app.Clock.Advance(AbandonedAnalyses.GiveUpAfter * 2);

        var seen = await _app.AnalysisService.FindAsync(_device, id, CancellationToken.None);

        Assert.Equal((AnalysisStatus.Done, Emotion.Happy), (seen!.Status, seen.Result!.Emotion));
    }

    [Fact]
    public async Task Another_devices_analysis_reads_as_absent_and_cannot_be_deleted()
    {
        var created = await _app.UploadAsync(_device);
        var stranger = TestDevices.NewDeviceId();

        Assert.Null(await _app.AnalysisService.FindAsync(stranger, created.AnalysisId, CancellationToken.None));
        Assert.False(await _app.AnalysisService.DeleteAsync(stranger, created.AnalysisId, CancellationToken.None));

        Assert.NotNull(await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None));
    }

    [Fact]
    public async Task A_deleted_analysis_reads_as_absent_and_a_second_delete_finds_nothing()
    {
        var created = await _app.UploadAsync(_device);

        Assert.True(await _app.AnalysisService.DeleteAsync(_device, created.AnalysisId, CancellationToken.None));

        Assert.Null(await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None));
        Assert.False(await _app.AnalysisService.DeleteAsync(_device, created.AnalysisId, CancellationToken.None));
    }
}
