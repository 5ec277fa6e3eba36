using Moodtunes.Api.Tracks;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.Tracks;

public sealed class TrackServiceTests : IDisposable
{
    private readonly InMemoryApplication _app = new();
    private readonly DeviceId _device = TestDevices.NewDeviceId();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Chosen_moods_give_catalog_songs_of_those_moods_and_the_list_is_stored()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Neutral));

        var chosen = await ChooseAsync(id, new TrackChoice([Mood.Exercise], null, More: false));

        Assert.Equal([Mood.Exercise], chosen.Selection.Moods);
        Assert.All(chosen.Selection.Current, t => Assert.Contains(CatalogLabel.Exercise, _app.Catalog.Find(t.Id)!.Labels));
        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal(chosen.Selection.Current.Select(t => t.Id), stored!.Tracks!.Current.Select(t => t.Id));
        Assert.Equal(TrackListVersion.Initial.Next(), stored.TracksVersion);
    }

    [Fact]
    public async Task Other_songs_never_repeat_a_song_of_the_same_request_until_every_candidate_was_offered()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Neutral));
        var more = new TrackChoice([Mood.HeartTouching], null, More: false);
        var offered = new List<string>();

        for (var list = 0; list < 200; list++)
        {
            var chosen = await ChooseAsync(id, more);
            if (chosen.Restarted)
            {
                break;
            }

            offered.AddRange(chosen.Selection.Current.Select(t => t.Id));
            more = more with { More = true };
        }

        Assert.Equal(offered.Distinct().Count(), offered.Count);
        Assert.True(offered.Count > 12, $"only {offered.Count} songs offered before the list restarted");
    }

    [Fact]
    public async Task The_answer_to_an_unsure_reading_picks_the_songs_and_is_kept_as_what_the_person_felt()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Fear, unsure: true));

        var chosen = await ChooseAsync(id, new TrackChoice([], SadnessChoice.Match, More: false, Answer: Emotion.Sad));

        Assert.All(chosen.Selection.Current, t => Assert.Contains(CatalogLabel.Sad, _app.Catalog.Find(t.Id)!.Labels));
        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal((Emotion.Sad, Emotion.Sad), (stored!.Tracks!.Answer, stored.Feeling));

        // Later lists keep the answer given before.
        await ChooseAsync(id, new TrackChoice([], SadnessChoice.CheerUp, More: false));
        Assert.Equal(Emotion.Sad, (await _app.Analyses.GetAsync(_device, id, CancellationToken.None))!.Feeling);
    }

    [Fact]
    public async Task An_answer_to_a_sure_reading_is_not_kept()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));

        await ChooseAsync(id, new TrackChoice([], null, More: true, Answer: Emotion.Angry));

        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal((null, Emotion.Happy), (stored!.Tracks!.Answer, stored.Feeling));
    }

    [Fact]
    public async Task Songs_for_a_pending_analysis_are_refused_as_not_done_and_for_an_unknown_one_as_not_found()
    {
        var pending = await _app.UploadAsync(_device);
        var choice = new TrackChoice([Mood.Relaxing], null, More: false);

        Assert.IsType<TrackOutcome.NotDone>(await _app.Tracks.ChooseAsync(_device, pending.AnalysisId, choice, CancellationToken.None));
        Assert.IsType<TrackOutcome.NotFound>(await _app.Tracks.ChooseAsync(TestDevices.NewDeviceId(), pending.AnalysisId, choice, CancellationToken.None));
    }

    [Fact]
    public async Task Requests_at_once_for_the_same_analysis_each_store_a_list_and_none_repeats_anothers_songs()
    {
        var id = await _app.AnalyseAsync(_device, Analysed.Face(Emotion.Happy));
        var first = (await _app.Analyses.GetAsync(_device, id, CancellationToken.None))!.Tracks!.ShownIds;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => _app.Tracks.ChooseAsync(_device, id, new TrackChoice([], null, More: true), CancellationToken.None))));

        Assert.All(outcomes, o => Assert.IsType<TrackOutcome.Chosen>(o));
        var stored = await _app.Analyses.GetAsync(_device, id, CancellationToken.None);
        Assert.Equal(new TrackListVersion(4), stored!.TracksVersion);
        Assert.Equal(stored.Tracks!.ShownIds.Distinct().Count(), stored.Tracks.ShownIds.Count);
        Assert.Equal(first, stored.Tracks.ShownIds.Take(first.Count));
    }

    private async Task<TrackOutcome.Chosen> ChooseAsync(AnalysisId id, TrackChoice choice) =>
        Assert.IsType<TrackOutcome.Chosen>(await _app.Tracks.ChooseAsync(_device, id, choice, CancellationToken.None));
}
