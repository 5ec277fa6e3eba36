using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>POST /api/analyses/{id}/tracks: moods, the sadness choice and "other songs" without repeats.</summary>
public sealed class TracksEndpointTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    [Fact]
    public async Task Several_moods_give_tracks_from_those_moods_and_are_kept_with_the_analysis()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Neutral);

        var tracks = await device.PostTracksAsync(done.Id, new { moods = new[] { "relaxing", "morning-coffee" }, sadnessChoice = (string?)null, more = false });

        Assert.Equal(["morning-coffee", "relaxing"], Strings(tracks.GetProperty("moods")));
        Assert.False(tracks.GetProperty("restarted").GetBoolean());
        var ids = TrackIds(tracks);
        Assert.InRange(ids.Count, 5, int.MaxValue);
        Assert.All(ids, id => Assert.True(HasLabel(id, "relaxing") || HasLabel(id, "morning-coffee"), id));

        var stored = await device.GetJsonAsync(ApiPaths.Analysis(done.Id));
        Assert.Equal(["morning-coffee", "relaxing"], Strings(stored.GetProperty("tracks").GetProperty("moods")));
        Assert.Equal(ids, TrackIds(stored.GetProperty("tracks")));
    }

    [Fact]
    public async Task The_answer_to_an_unsure_reading_picks_the_songs_and_is_kept_with_the_analysis_and_later_lists()
    {
        using var device = new TestDevice(factory);
        var unsure = await device.SeedUnsureAsync(Emotion.Fear);
        var read = await device.GetJsonAsync(ApiPaths.Analysis(unsure.Id));
        Assert.True(read.GetProperty("result").GetProperty("unsure").GetBoolean());
        Assert.Equal(JsonValueKind.Null, read.GetProperty("tracks").GetProperty("answer").ValueKind);

        var tracks = await device.PostTracksAsync(unsure.Id, new { moods = Array.Empty<string>(), sadnessChoice = "match", answer = "sad", more = false });

        Assert.Equal("sad", tracks.GetProperty("answer").GetString());
        Assert.All(TrackIds(tracks), id => Assert.True(HasLabel(id, "sad"), id));
        // "Other songs" sends no answer: the one given stays.
        var more = await device.PostTracksAsync(unsure.Id, new { moods = Array.Empty<string>(), sadnessChoice = "match", more = true });
        Assert.Equal("sad", more.GetProperty("answer").GetString());
        var stored = await device.GetJsonAsync(ApiPaths.Analysis(unsure.Id));
        Assert.Equal("sad", stored.GetProperty("tracks").GetProperty("answer").GetString());
        Assert.Equal("fear", stored.GetProperty("result").GetProperty("emotion").GetString());
    }

    [Fact]
    public async Task An_answer_for_a_sure_reading_is_not_kept_since_only_an_unsure_one_is_asked_about()
    {
        using var device = new TestDevice(factory);
        var sure = await device.SeedDoneAsync(Emotion.Happy);

        var tracks = await device.PostTracksAsync(sure.Id, new { moods = Array.Empty<string>(), answer = "sad", more = false });

        Assert.Equal(JsonValueKind.Null, tracks.GetProperty("answer").ValueKind);
        Assert.All(TrackIds(tracks), id => Assert.True(HasLabel(id, "happy"), id));
        var stored = await device.GetJsonAsync(ApiPaths.Analysis(sure.Id));
        Assert.Equal(JsonValueKind.Null, stored.GetProperty("tracks").GetProperty("answer").ValueKind);
    }

    [Theory]
    [InlineData("match", "sad")]
    [InlineData("cheer-up", "happy")]
    public async Task A_sad_analysis_follows_the_sadness_choice(string choice, string label)
    {
        using var device = new TestDevice(factory);
        var sad = await device.SeedDoneAsync(Emotion.Sad);

        var tracks = await device.PostTracksAsync(sad.Id, new { moods = Array.Empty<string>(), sadnessChoice = choice, more = false });

        Assert.Equal(choice, tracks.GetProperty("sadnessChoice").GetString());
        Assert.Empty(tracks.GetProperty("moods").EnumerateArray());
        var ids = TrackIds(tracks);
        Assert.InRange(ids.Count, 5, int.MaxValue);
        Assert.All(ids, id => Assert.True(HasLabel(id, label), id));
    }

    [Fact]
    public async Task Other_songs_never_repeat_until_the_candidates_run_out_then_start_over()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);
        var candidates = TrackCatalog.Default.WithLabel(CatalogLabel.Relaxing).Count;
        var request = new { moods = new[] { "relaxing" }, sadnessChoice = (string?)null, more = false };

        var offered = new HashSet<string>(TrackIds(await device.PostTracksAsync(done.Id, request)));
        JsonElement next;
        var lists = 1;
        while (!(next = await device.PostTracksAsync(done.Id, request with { more = true })).GetProperty("restarted").GetBoolean())
        {
            var ids = TrackIds(next);
            Assert.InRange(ids.Count, 5, int.MaxValue);
            Assert.All(ids, id => Assert.True(offered.Add(id), $"{id} was offered before the list started over"));
            Assert.True(++lists <= candidates, "other songs never started over");
        }

        // It started over only because too few unseen candidates were left for a full list.
        Assert.True(candidates - offered.Count < TrackPicker.ListLength);
        Assert.InRange(TrackIds(next).Count, 5, int.MaxValue);
        var afterRestart = await device.PostTracksAsync(done.Id, request with { more = true });
        Assert.False(afterRestart.GetProperty("restarted").GetBoolean());
        Assert.Empty(TrackIds(afterRestart).Intersect(TrackIds(next)));
    }

    [Fact]
    public async Task Eight_other_songs_requests_at_once_never_repeat_a_track()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);
        var request = new { moods = new[] { "exercise" }, sadnessChoice = (string?)null, more = false };
        var first = TrackIds(await device.PostTracksAsync(done.Id, request));

        var lists = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => device.PostTracksAsync(done.Id, request with { more = true }))));

        Assert.All(lists, list => Assert.False(list.GetProperty("restarted").GetBoolean()));
        var offered = first.Concat(lists.SelectMany(TrackIds)).ToList();
        Assert.Equal(9 * TrackPicker.ListLength, offered.Count);
        Assert.Equal(offered.Count, offered.Distinct().Count());
    }

    [Fact]
    public async Task Changing_the_request_starts_a_fresh_list_even_with_more()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);

        await device.PostTracksAsync(done.Id, new { moods = new[] { "exercise" }, more = false });
        var other = await device.PostTracksAsync(done.Id, new { moods = new[] { "heart-touching" }, more = true });

        Assert.False(other.GetProperty("restarted").GetBoolean());
        Assert.Equal(["heart-touching"], Strings(other.GetProperty("moods")));
        Assert.All(TrackIds(other), id => Assert.True(HasLabel(id, "heart-touching"), id));
    }

    [Theory]
    [InlineData("""{"moods":["party"],"more":false}""", ProblemCode.UnknownMood)]
    [InlineData("""{"moods":["relaxing","Relaxing!"],"more":false}""", ProblemCode.UnknownMood)]
    [InlineData("""{"moods":[],"sadnessChoice":"cry","more":false}""", ProblemCode.UnknownChoice)]
    [InlineData("""{"moods":[],"answer":"hungry","more":false}""", ProblemCode.UnknownEmotion)]
    public async Task An_unknown_mood_or_choice_is_400_and_leaves_the_tracks_alone(string body, ProblemCode code)
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Sad);

        using var response = await device.Client.PostAsync(ApiPaths.AnalysisTracks(done.Id), Json(body));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, code);
        var stored = await device.GetJsonAsync(ApiPaths.Analysis(done.Id));
        Assert.Equal(done.Tracks!.Current.Select(t => t.Id), TrackIds(stored.GetProperty("tracks")));
    }

    [Fact]
    public async Task Tracks_are_409_while_the_analysis_is_pending_and_for_a_failed_one()
    {
        using var device = new TestDevice(factory);
        var pending = await device.SeedPendingAsync();
        var failed = await device.SeedFailedAsync(FailureCode.NoFace);

        using var whilePending = await device.Client.PostAsJsonAsync(ApiPaths.AnalysisTracks(pending.Id), new { moods = new[] { "relaxing" } });
        using var whenFailed = await device.Client.PostAsJsonAsync(ApiPaths.AnalysisTracks(failed.Id), new { moods = new[] { "relaxing" } });

        await HttpAssert.ProblemAsync(whilePending, HttpStatusCode.Conflict, ProblemCode.NotDone);
        await HttpAssert.ProblemAsync(whenFailed, HttpStatusCode.Conflict, ProblemCode.NotDone);
        Assert.Equal(JsonValueKind.Null, (await device.GetJsonAsync(ApiPaths.Analysis(pending.Id))).GetProperty("tracks").ValueKind);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];

    private static List<string> TrackIds(JsonElement selection) =>
        [.. selection.GetProperty("current").EnumerateArray().Select(t => t.GetProperty("id").GetString()!)];

    private static bool HasLabel(string trackId, string label) =>
        WireNames.TryParse<CatalogLabel>(label, out var parsed) && TrackCatalog.Default.WithLabel(parsed).Any(t => t.Track.Id == trackId);
}
