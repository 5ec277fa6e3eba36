using Moodtunes.Api.Uploads;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.Uploads;

public sealed class UploadServiceTests : IDisposable
{
    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task An_upload_creates_a_pending_analysis_and_a_target_signed_for_its_photo_key_the_size_limit_and_the_upload_window()
    {
        var created = await _app.UploadAsync(_device);

        var stored = await _app.Analyses.GetAsync(_device, created.AnalysisId, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Pending, stored!.Status);
        Assert.Equal(
            new UploadPolicy(PhotoKey.For(_device, created.AnalysisId), "image/jpeg", PhotoLimits.MaxBytes, _app.Clock.GetUtcNow() + AbandonedAnalyses.UploadWindow),
            _app.Targets.LastPolicy);
        Assert.Equal((PhotoLimits.MaxBytes, _app.Clock.GetUtcNow() + AbandonedAnalyses.UploadWindow), (created.Target.MaxBytes, created.Target.ExpiresAt));
    }

    [Theory]
    [InlineData("image/gif", 1000, UploadRefusal.UnsupportedType)]
    [InlineData(null, 1000, UploadRefusal.UnsupportedType)]
    [InlineData("IMAGE/JPEG", 1000, UploadRefusal.UnsupportedType)]
    [InlineData("image/png", 0, UploadRefusal.EmptyFile)]
    [InlineData("image/webp", PhotoLimits.MaxBytes + 1, UploadRefusal.FileTooLarge)]
    public async Task A_photo_the_service_will_not_take_is_refused_and_nothing_is_stored(string? contentType, long size, UploadRefusal reason)
    {
        var outcome = await _app.Uploads.CreateAsync(_device, new UploadRequest(contentType, size), CancellationToken.None);

        Assert.Equal(new UploadOutcome.Refused(reason), outcome);
        Assert.Empty((await _app.Analyses.ListAsync(_device, 10, null, CancellationToken.None)).Items);
        Assert.Null(_app.Targets.LastPolicy);
    }

    [Fact]
    public async Task A_photo_of_exactly_the_size_limit_is_taken() =>
        Assert.IsType<UploadOutcome.Created>(
            await _app.Uploads.CreateAsync(_device, new UploadRequest("image/png", PhotoLimits.MaxBytes), CancellationToken.None));

    [Fact]
    public async Task An_analysis_stays_in_the_history_for_its_lifetime_and_is_gone_after()
    {
        var created = await _app.UploadAsync(_device);

        _app.Clock.Advance(AnalysisRetention.Lifetime - TimeSpan.FromSeconds(1));
        Assert.NotNull(await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None));

        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await _app.AnalysisService.FindAsync(_device, created.AnalysisId, CancellationToken.None));
    }
}
