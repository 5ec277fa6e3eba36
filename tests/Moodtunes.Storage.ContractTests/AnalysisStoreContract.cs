using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Storage.ContractTests;

/// <summary>
/// What every <see cref="IAnalysisStore"/> must do, whatever holds the data. A derived class supplies a store
/// that reads the time from <see cref="Clock"/>; every test uses fresh device ids, so stores may be shared.
/// </summary>
public abstract class AnalysisStoreContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected ManualClock Clock { get; } = new(Start);

    protected abstract IAnalysisStore Store { get; }

    [Fact]
    public async Task A_created_analysis_reads_back_as_stored()
    {
        var analysis = Pending(TestDevices.NewDeviceId(), Start);

        await Store.CreateAsync(analysis, None);

        AssertSame(analysis, await Store.GetAsync(analysis.DeviceId, analysis.Id, None));
    }

    [Fact]
    public async Task An_unknown_id_reads_as_absent() =>
        Assert.Null(await Store.GetAsync(TestDevices.NewDeviceId(), AnalysisIds.New(Start), None));

    [Fact]
    public async Task Creating_the_same_id_twice_fails_and_keeps_the_first()
    {
        var analysis = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(analysis, None);

        await Assert.ThrowsAsync<InvalidOperationException>(
            () => Store.CreateAsync(analysis with { PhotoKey = "photos/other" }, None));

        AssertSame(analysis, await Store.GetAsync(analysis.DeviceId, analysis.Id, None));
    }

    [Fact]
    public async Task Another_device_cannot_read_list_change_or_delete_an_analysis()
    {
        var owner = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(owner, None);
        var stranger = TestDevices.NewDeviceId();

        Assert.Null(await Store.GetAsync(stranger, owner.Id, None));
        Assert.Empty((await Store.ListAsync(stranger, 10, null, None)).Items);
        Assert.False(await Store.TryFinishAsync(Done(owner, Start) with { DeviceId = stranger }, None));
        Assert.False(await Store.SaveTracksAsync(stranger, owner.Id, Tracks("x"), TrackListVersion.Initial, None));
        Assert.False(await Store.DeleteAsync(stranger, owner.Id, None));
        Assert.Equal(0, await Store.DeleteAllAsync(stranger, None));

        AssertSame(owner, await Store.GetAsync(owner.DeviceId, owner.Id, None));
    }

    [Fact]
    public async Task Finishing_a_pending_analysis_stores_its_result()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var done = Done(pending, Start.AddSeconds(2));

        Assert.True(await Store.TryFinishAsync(done, None));

        AssertSame(done, await Store.GetAsync(pending.DeviceId, pending.Id, None));
    }

    [Fact]
    public async Task Finishing_with_a_failure_stores_the_failure()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var failed = Failed(pending, Start.AddSeconds(2));

        Assert.True(await Store.TryFinishAsync(failed, None));

        AssertSame(failed, await Store.GetAsync(pending.DeviceId, pending.Id, None));
    }

    [Fact]
    public async Task A_replayed_finish_returns_false_and_changes_nothing()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var first = Done(pending, Start.AddSeconds(2));
        Assert.True(await Store.TryFinishAsync(first, None));

        Assert.False(await Store.TryFinishAsync(Failed(pending, Start.AddSeconds(5)), None));
        Assert.False(await Store.TryFinishAsync(Done(pending, Start.AddSeconds(6), Emotion.Sad), None));

        AssertSame(first, await Store.GetAsync(pending.DeviceId, pending.Id, None));
    }

    [Fact]
    public async Task Finishing_an_unknown_analysis_returns_false_and_creates_nothing()
    {
        var never = Pending(TestDevices.NewDeviceId(), Start);

        Assert.False(await Store.TryFinishAsync(Done(never, Start), None));

        Assert.Null(await Store.GetAsync(never.DeviceId, never.Id, None));
    }

    [Fact]
    public async Task Of_racing_finishers_exactly_one_wins_and_its_result_is_kept()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var candidates = Enumerable.Range(0, 12)
            .Select(i => i % 2 == 0 ? Done(pending, Start.AddSeconds(i), (Emotion)(i / 2)) : Failed(pending, Start.AddSeconds(i)))
            .ToList();

        var outcomes = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.TryFinishAsync(c, None))));

        Assert.Single(outcomes, won => won);
        AssertSame(candidates[Array.IndexOf(outcomes, true)], await Store.GetAsync(pending.DeviceId, pending.Id, None));
    }

    [Fact]
    public async Task Saving_tracks_replaces_the_offered_tracks_only()
    {
        var done = await FinishedAsync();
        var other = Tracks("second-song", "third-song");

        Assert.True(await Store.SaveTracksAsync(done.DeviceId, done.Id, other, done.TracksVersion, None));

        AssertSame(done with { Tracks = other, TracksVersion = done.TracksVersion.Next() }, await Store.GetAsync(done.DeviceId, done.Id, None));
    }

    [Fact]
    public async Task An_unsure_reading_and_the_answer_saved_with_its_tracks_read_back_as_the_persons_feeling()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var guessed = Done(pending, Start.AddSeconds(2), Emotion.Fear);
        var done = guessed with { Result = guessed.Result! with { AsksForMoods = true, Unsure = true } };
        Assert.True(await Store.TryFinishAsync(done, None));
        var unanswered = await Store.GetAsync(done.DeviceId, done.Id, None);
        Assert.True(unanswered!.Result!.Unsure);
        Assert.Null(unanswered.Feeling);
        var answered = Tracks("cheer-up-song") with { Answer = Emotion.Sad };

        Assert.True(await Store.SaveTracksAsync(done.DeviceId, done.Id, answered, done.TracksVersion, None));

        var stored = await Store.GetAsync(done.DeviceId, done.Id, None);
        AssertSame(done with { Tracks = answered, TracksVersion = done.TracksVersion.Next() }, stored);
        Assert.Equal(Emotion.Sad, stored!.Tracks!.Answer);
        Assert.Equal(Emotion.Sad, stored.Feeling);
    }

    [Fact]
    public async Task A_track_save_based_on_a_list_replaced_since_changes_nothing()
    {
        var done = await FinishedAsync();
        var first = Tracks("second-song");
        Assert.True(await Store.SaveTracksAsync(done.DeviceId, done.Id, first, done.TracksVersion, None));

        Assert.False(await Store.SaveTracksAsync(done.DeviceId, done.Id, Tracks("stale-song"), done.TracksVersion, None));

        var stored = await Store.GetAsync(done.DeviceId, done.Id, None);
        AssertSame(done with { Tracks = first, TracksVersion = done.TracksVersion.Next() }, stored);
        Assert.True(await Store.SaveTracksAsync(done.DeviceId, done.Id, Tracks("third-song"), stored!.TracksVersion, None));
    }

    [Fact]
    public async Task Of_racing_track_saves_from_the_same_list_exactly_one_wins_and_its_tracks_are_kept()
    {
        var done = await FinishedAsync();
        var candidates = Enumerable.Range(0, 8).Select(i => Tracks($"song-{i}")).ToList();

        var outcomes = await Task.WhenAll(candidates.Select(c => Task.Run(() => Store.SaveTracksAsync(done.DeviceId, done.Id, c, done.TracksVersion, None))));

        Assert.Single(outcomes, won => won);
        AssertSame(
            done with { Tracks = candidates[Array.IndexOf(outcomes, true)], TracksVersion = done.TracksVersion.Next() },
            await Store.GetAsync(done.DeviceId, done.Id, None));
    }

    [Fact]
    public async Task Tracks_cannot_be_saved_for_an_unknown_or_pending_analysis()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);

        Assert.False(await Store.SaveTracksAsync(pending.DeviceId, AnalysisIds.New(Start), Tracks("x"), TrackListVersion.Initial, None));
        Assert.False(await Store.SaveTracksAsync(pending.DeviceId, pending.Id, Tracks("x"), TrackListVersion.Initial, None));

        AssertSame(pending, await Store.GetAsync(pending.DeviceId, pending.Id, None));
    }

    [Fact]
    public async Task History_lists_newest_first_a_page_at_a_time()
    {
        var device = TestDevices.NewDeviceId();
        var created = new List<Analysis>();
        for (var i = 0; i < 7; i++)
        {
            var analysis = Pending(device, Start.AddMinutes(i));
            await Store.CreateAsync(analysis, None);
            created.Add(analysis);
        }

        var pages = new List<HistoryPage>();
        string? cursor = null;
        do
        {
            var page = await Store.ListAsync(device, 3, cursor, None);
            pages.Add(page);
            cursor = page.NextCursor;
        }
        while (cursor is not null && pages.Count < 10);

        Assert.Equal([3, 3, 1], pages.Select(p => p.Items.Count));
        Assert.Equal(created.Select(a => a.Id).Reverse(), pages.SelectMany(p => p.Items).Select(a => a.Id));
        AssertSame(created[^1], pages[0].Items[0]);
    }

    [Fact]
    public async Task Moods_since_a_time_are_those_of_the_devices_done_analyses_created_from_then_on()
    {
        var device = TestDevices.NewDeviceId();
        var since = Start.AddDays(1);
        var before = Pending(device, since.AddMilliseconds(-1));
        var sad = Pending(device, since);
        var angry = Pending(device, since.AddHours(5));
        var failed = Pending(device, since.AddHours(6));
        var pending = Pending(device, since.AddHours(7));
        var otherDevice = Pending(TestDevices.NewDeviceId(), since.AddHours(1));
        foreach (var analysis in new[] { before, sad, angry, failed, pending, otherDevice })
        {
            await Store.CreateAsync(analysis, None);
        }

        await Store.TryFinishAsync(Done(before, since, Emotion.Happy), None);
        await Store.TryFinishAsync(Done(sad, since.AddHours(1), Emotion.Sad), None);
        await Store.TryFinishAsync(Done(angry, since.AddHours(6), Emotion.Angry), None);
        await Store.TryFinishAsync(Failed(failed, since.AddHours(7)), None);
        await Store.TryFinishAsync(Done(otherDevice, since.AddHours(2), Emotion.Fear), None);

        var moods = await Store.ListMoodsSinceAsync(device, since, None);

        Assert.Equal([new MoodReading(sad.CreatedAt, Emotion.Sad), new MoodReading(angry.CreatedAt, Emotion.Angry)], moods.OrderBy(m => m.At));
    }

    [Fact]
    public async Task Moods_are_what_the_person_felt_their_answer_or_a_sure_reading_and_never_an_unanswered_guess()
    {
        var device = TestDevices.NewDeviceId();
        var unanswered = Pending(device, Start);
        var answered = Pending(device, Start.AddMinutes(1));
        var sure = Pending(device, Start.AddMinutes(2));
        foreach (var analysis in new[] { unanswered, answered, sure })
        {
            await Store.CreateAsync(analysis, None);
        }

        Analysis Unsure(Analysis pending, Emotion guess) =>
            Done(pending, pending.CreatedAt.AddSeconds(1), guess) is var done ? done with { Result = done.Result! with { AsksForMoods = true, Unsure = true } } : done;
        await Store.TryFinishAsync(Unsure(unanswered, Emotion.Fear), None);
        var guessed = Unsure(answered, Emotion.Fear);
        await Store.TryFinishAsync(guessed, None);
        await Store.SaveTracksAsync(device, answered.Id, Tracks("cheer-up-song") with { Answer = Emotion.Surprise }, guessed.TracksVersion, None);
        await Store.TryFinishAsync(Done(sure, sure.CreatedAt.AddSeconds(1), Emotion.Happy), None);

        var moods = await Store.ListMoodsSinceAsync(device, Start, None);

        Assert.Equal([new MoodReading(answered.CreatedAt, Emotion.Surprise), new MoodReading(sure.CreatedAt, Emotion.Happy)], moods.OrderBy(m => m.At));
    }

    [Fact]
    public async Task Moods_of_expired_analyses_are_left_out()
    {
        var device = TestDevices.NewDeviceId();
        var analysis = Pending(device, Start);
        await Store.CreateAsync(analysis, None);
        await Store.TryFinishAsync(Done(analysis, Start, Emotion.Sad), None);
        Clock.Advance(Lifetime);

        Assert.Empty(await Store.ListMoodsSinceAsync(device, Start, None));
    }

    [Fact]
    public async Task History_of_a_device_with_no_analyses_is_one_empty_page()
    {
        var page = await Store.ListAsync(TestDevices.NewDeviceId(), 20, null, None);

        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task A_malformed_cursor_is_rejected() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync(TestDevices.NewDeviceId(), 20, "not a cursor!", None));

    [Fact]
    public async Task Expired_analyses_are_invisible_before_storage_removes_them()
    {
        var device = TestDevices.NewDeviceId();
        var old = Pending(device, Start);
        var young = Pending(device, Start.AddDays(1));
        await Store.CreateAsync(old, None);
        await Store.CreateAsync(young, None);

        Clock.Advance(old.ExpiresAt - Start);

        Assert.Null(await Store.GetAsync(device, old.Id, None));
        Assert.Equal([young.Id], (await Store.ListAsync(device, 20, null, None)).Items.Select(a => a.Id));
        Assert.False(await Store.TryFinishAsync(Done(old, Clock.GetUtcNow()), None));
        Assert.False(await Store.DeleteAsync(device, old.Id, None));
        AssertSame(young, await Store.GetAsync(device, young.Id, None));
    }

    [Fact]
    public async Task Deleting_removes_only_that_analysis()
    {
        var device = TestDevices.NewDeviceId();
        var gone = Pending(device, Start);
        var kept = Pending(device, Start.AddSeconds(1));
        await Store.CreateAsync(gone, None);
        await Store.CreateAsync(kept, None);

        Assert.True(await Store.DeleteAsync(device, gone.Id, None));
        Assert.False(await Store.DeleteAsync(device, gone.Id, None));

        Assert.Null(await Store.GetAsync(device, gone.Id, None));
        AssertSame(kept, await Store.GetAsync(device, kept.Id, None));
    }

    [Fact]
    public async Task Deleting_all_removes_every_analysis_of_the_device_and_counts_them()
    {
        var device = TestDevices.NewDeviceId();
        var neighbour = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(neighbour, None);

        // More than one DynamoDB batch (25).
        for (var i = 0; i < 30; i++)
        {
            await Store.CreateAsync(Pending(device, Start.AddSeconds(i)), None);
        }

        Assert.Equal(30, await Store.DeleteAllAsync(device, None));

        Assert.Empty((await Store.ListAsync(device, 50, null, None)).Items);
        Assert.Equal(0, await Store.DeleteAllAsync(device, None));
        AssertSame(neighbour, await Store.GetAsync(neighbour.DeviceId, neighbour.Id, None));
    }

    private async Task<Analysis> FinishedAsync()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, None);
        var done = Done(pending, Start.AddSeconds(1));
        Assert.True(await Store.TryFinishAsync(done, None));
        return done;
    }
}
