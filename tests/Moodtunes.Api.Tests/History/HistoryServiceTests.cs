using Moodtunes.Api.History;
using Moodtunes.Api.Tracks;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.History;

public sealed class HistoryServiceTests : IDisposable
{
    private static readonly TimeSpan Seoul = TimeSpan.FromHours(9);

    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task History_lists_newest_first_a_page_at_a_time_with_an_abandoned_upload_read_as_photo_missing()
    {
        var abandoned = await _app.UploadAsync(_device);
        _app.Clock.Advance(AbandonedAnalyses.GiveUpAfter + TimeSpan.FromSeconds(1));
        var done = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));
        _app.Clock.Advance(TimeSpan.FromSeconds(1));
        var newest = await _app.UploadAsync(_device);

        var first = Assert.IsType<HistoryOutcome.Listed>(await _app.History.ListAsync(_device, 2, null, CancellationToken.None)).Page;
        var second = Assert.IsType<HistoryOutcome.Listed>(await _app.History.ListAsync(_device, 2, first.NextCursor, CancellationToken.None)).Page;

        Assert.Equal([newest.AnalysisId, done, abandoned.AnalysisId], first.Items.Concat(second.Items).Select(a => a.Id));
        Assert.Equal(
            [AnalysisStatus.Pending, AnalysisStatus.Done, AnalysisStatus.Failed],
            first.Items.Concat(second.Items).Select(a => a.Status));
        Assert.Equal(FailureCode.PhotoMissing, second.Items[0].Failure!.Code);
        Assert.Null(second.NextCursor);
    }

    [Fact]
    public async Task Without_a_limit_a_page_holds_the_default_page_size()
    {
        for (var i = 0; i < HistoryService.DefaultPageSize + 1; i++)
        {
            await _app.UploadAsync(_device);
        }

        var page = Assert.IsType<HistoryOutcome.Listed>(await _app.History.ListAsync(_device, null, null, CancellationToken.None)).Page;

        Assert.Equal(HistoryService.DefaultPageSize, page.Items.Count);
        Assert.NotNull(page.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(HistoryService.MaxPageSize + 1)]
    public async Task A_limit_outside_one_to_the_maximum_page_size_is_refused(int limit) =>
        Assert.IsType<HistoryOutcome.BadLimit>(await _app.History.ListAsync(_device, limit, null, CancellationToken.None));

    [Fact]
    public async Task A_cursor_no_store_issued_is_the_callers_mistake() =>
        Assert.IsType<HistoryOutcome.BadCursor>(await _app.History.ListAsync(_device, 10, "bm90LWFuLWlk", CancellationToken.None));

    [Fact]
    public async Task The_summary_groups_what_was_felt_by_the_viewers_local_day()
    {
        // 10:00 UTC is 19:00 in Seoul; six hours on it is one in the morning of the next day there.
        await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));
        _app.Clock.Advance(TimeSpan.FromHours(6));
        await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Sad));

        var summary = await _app.History.SummarizeAsync(_device, Seoul, CancellationToken.None);

        var today = new DateOnly(2026, 11, 26);
        Assert.Equal(today, summary.Today);
        Assert.Equal([(today.AddDays(-1), Emotion.Happy), (today, Emotion.Sad)], summary.Days.Select(d => (d.Date, d.Emotion)));
    }

    [Fact]
    public async Task The_summary_leaves_out_an_unanswered_unsure_reading_and_counts_an_answered_one_as_the_answer()
    {
        await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Fear, unsure: true));
        var answered = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Fear, unsure: true));
        await _app.Tracks.ChooseAsync(_device, answered, new TrackChoice([], null, More: false, Answer: Emotion.Surprise), CancellationToken.None);

        var summary = await _app.History.SummarizeAsync(_device, TimeSpan.Zero, CancellationToken.None);

        var day = Assert.Single(summary.Days);
        Assert.Equal(new Dictionary<Emotion, int> { [Emotion.Surprise] = 1 }, day.Counts.Where(c => c.Value > 0));
    }

    [Fact]
    public async Task Deleting_the_history_removes_every_analysis_of_the_device_only_and_counts_them()
    {
        var neighbour = TestDevices.NewDeviceId();
        var kept = await _app.UploadAsync(neighbour);
        await _app.UploadAsync(_device);
        await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Angry));

        Assert.Equal(2, await _app.History.DeleteAllAsync(_device, CancellationToken.None));

        Assert.Empty(Assert.IsType<HistoryOutcome.Listed>(await _app.History.ListAsync(_device, null, null, CancellationToken.None)).Page.Items);
        Assert.NotNull(await _app.AnalysisService.FindAsync(neighbour, kept.AnalysisId, CancellationToken.None));
    }
}
