using System.Net;
using System.Text.Json;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>GET and DELETE /api/analyses/{id}: the three shapes of docs/api.md, and nothing of another device.</summary>
public sealed class AnalysisEndpointTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    [Fact]
    public async Task A_pending_analysis_has_no_result_failure_message_or_tracks_yet()
    {
        using var device = new TestDevice(factory);
        var pending = await device.SeedPendingAsync();

        var view = await device.GetJsonAsync(ApiPaths.Analysis(pending.Id));

        Assert.Equal(pending.Id.Value, view.GetProperty("id").GetString());
        Assert.Equal("pending", view.GetProperty("status").GetString());
        Assert.Equal(pending.CreatedAt, view.GetProperty("createdAt").GetDateTimeOffset());
        foreach (var empty in new[] { "finishedAt", "result", "failure", "message", "tracks" })
        {
            Assert.Equal(JsonValueKind.Null, view.GetProperty(empty).ValueKind);
        }
    }

    [Fact]
    public async Task A_done_analysis_shows_faces_emotion_message_in_both_languages_and_tracks()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);

        var view = await device.GetJsonAsync(ApiPaths.Analysis(done.Id));

        Assert.Equal("done", view.GetProperty("status").GetString());
        Assert.Equal(done.FinishedAt, view.GetProperty("finishedAt").GetDateTimeOffset());
        var result = view.GetProperty("result");
        Assert.Equal("happy", result.GetProperty("emotion").GetString());
        Assert.Equal(1280, result.GetProperty("imageWidth").GetInt32());
        Assert.False(result.GetProperty("asksForMoods").GetBoolean());
        var face = Assert.Single(result.GetProperty("faces").EnumerateArray());
        Assert.Equal(0.87f, face.GetProperty("emotions").GetProperty("happy").GetSingle());
        Assert.Equal(7, face.GetProperty("emotions").EnumerateObject().Count());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("failure").ValueKind);

        var message = EmotionMessages.For(Emotion.Happy);
        Assert.Equal(message.En, view.GetProperty("message").GetProperty("en").GetString());
        Assert.Equal(message.Ko, view.GetProperty("message").GetProperty("ko").GetString());

        var tracks = view.GetProperty("tracks");
        Assert.Empty(tracks.GetProperty("moods").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, tracks.GetProperty("sadnessChoice").ValueKind);
        var current = tracks.GetProperty("current").EnumerateArray().ToList();
        Assert.Equal(done.Tracks!.Current.Select(t => t.Id), current.Select(t => t.GetProperty("id").GetString()));
        Assert.All(current, t =>
        {
            Assert.False(string.IsNullOrEmpty(t.GetProperty("title").GetString()));
            Assert.False(string.IsNullOrEmpty(t.GetProperty("artist").GetString()));
            Assert.Contains(t.GetProperty("language").GetString(), new[] { "ko", "en" });
            Assert.StartsWith("https://", t.GetProperty("url").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_view_never_reveals_the_device_id_or_the_photo_key()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Sad);

        using var response = await device.Client.GetAsync(ApiPaths.Analysis(done.Id));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(device.DeviceId.Value, text, StringComparison.Ordinal);
        Assert.DoesNotContain(device.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain("photoKey", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    // Literal on purpose: these pin each failure code's wire name, which stored records of earlier versions depend on.
    [InlineData(FailureCode.NoFace, "no-face")]
    [InlineData(FailureCode.NotAnImage, "not-an-image")]
    [InlineData(FailureCode.ImageTooLarge, "image-too-large")]
    [InlineData(FailureCode.ImageTooComplex, "image-too-complex")]
    [InlineData(FailureCode.PhotoMissing, "photo-missing")]
    public async Task A_failed_analysis_shows_its_kebab_case_code_and_message_only(FailureCode code, string wire)
    {
        using var device = new TestDevice(factory);
        var failed = await device.SeedFailedAsync(code);

        var view = await device.GetJsonAsync(ApiPaths.Analysis(failed.Id));

        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Equal(wire, view.GetProperty("failure").GetProperty("code").GetString());
        Assert.Equal(failed.Failure!.Message, view.GetProperty("failure").GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("result").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.Null, view.GetProperty("tracks").ValueKind);
    }

    public static TheoryData<string> AbsentIds => new()
    {
        AnalysisIds.New(DateTimeOffset.UtcNow).Value, // well-formed, never created
        "not-an-analysis-id",
        "01jd0000000000000000000000", // lower case is not Crockford base32 as we write it
        "81JD0000000000000000000000", // first character out of range for 128 bits
        "01JD00000000000000000000000", // 27 characters
    };

    [Theory]
    [MemberData(nameof(AbsentIds))]
    public async Task An_unknown_or_malformed_id_is_404_for_get_delete_and_tracks(string id)
    {
        using var device = new TestDevice(factory);
        await device.SeedDoneAsync(Emotion.Happy);

        using var get = await device.Client.GetAsync(ApiPaths.Analysis(id));
        using var delete = await device.Client.DeleteAsync(ApiPaths.Analysis(id));
        using var tracks = await device.Client.PostAsync(
            ApiPaths.AnalysisTracks(id), new StringContent("""{"moods":[],"more":false}""", System.Text.Encoding.UTF8, "application/json"));

        await HttpAssert.ProblemAsync(get, HttpStatusCode.NotFound, ProblemCode.NotFound);
        await HttpAssert.ProblemAsync(delete, HttpStatusCode.NotFound, ProblemCode.NotFound);
        await HttpAssert.ProblemAsync(tracks, HttpStatusCode.NotFound, ProblemCode.NotFound);
    }

    [Fact]
    public async Task An_upload_that_never_arrived_reads_as_failed_instead_of_pending_forever()
    {
        using var device = new TestDevice(factory);
        var abandoned = await device.SeedPendingAsync(createdAt: DateTimeOffset.UtcNow - AbandonedAnalyses.GiveUpAfter - TimeSpan.FromMinutes(1));

        var view = await HttpAssert.JsonAsync(await device.Client.GetAsync(ApiPaths.Analysis(abandoned.Id)), HttpStatusCode.OK);

        Assert.Equal("failed", view.GetProperty("status").GetString());
        Assert.Equal(FailureCode.PhotoMissing.ToWire(), view.GetProperty("failure").GetProperty("code").GetString());
        // Computed on read: a GET never writes (the analyze function stores the same failure if the photo turns up).
        var stored = await factory.Analyses.GetAsync(device.DeviceId, abandoned.Id, CancellationToken.None);
        Assert.Equal(AnalysisStatus.Pending, stored!.Status);
    }

    [Fact]
    public async Task An_expired_analysis_is_404()
    {
        using var device = new TestDevice(factory);
        var expired = await device.SeedPendingAsync(DateTimeOffset.UtcNow.AddDays(-31), lifetime: TimeSpan.FromDays(30));

        using var response = await device.Client.GetAsync(ApiPaths.Analysis(expired.Id));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound, ProblemCode.NotFound);
    }

    [Fact]
    public async Task Another_devices_analysis_is_404_for_get_delete_and_tracks_and_survives()
    {
        using var owner = new TestDevice(factory);
        using var stranger = new TestDevice(factory);
        var done = await owner.SeedDoneAsync(Emotion.Happy);

        using var get = await stranger.Client.GetAsync(ApiPaths.Analysis(done.Id));
        using var delete = await stranger.Client.DeleteAsync(ApiPaths.Analysis(done.Id));
        using var tracks = await stranger.Client.PostAsync(
            ApiPaths.AnalysisTracks(done.Id),
            new StringContent("""{"moods":["exercise"],"more":false}""", System.Text.Encoding.UTF8, "application/json"));

        await HttpAssert.ProblemAsync(get, HttpStatusCode.NotFound, ProblemCode.NotFound);
        await HttpAssert.ProblemAsync(delete, HttpStatusCode.NotFound, ProblemCode.NotFound);
        await HttpAssert.ProblemAsync(tracks, HttpStatusCode.NotFound, ProblemCode.NotFound);
        var mine = await owner.GetJsonAsync(ApiPaths.Analysis(done.Id));
        Assert.Equal("done", mine.GetProperty("status").GetString());
        Assert.Empty(mine.GetProperty("tracks").GetProperty("moods").EnumerateArray());
    }

    [Fact]
    public async Task Deleting_an_analysis_is_204_then_it_is_gone()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);
        var kept = await device.SeedFailedAsync(FailureCode.NoFace);

        using var delete = await device.Client.DeleteAsync(ApiPaths.Analysis(done.Id));
        using var again = await device.Client.DeleteAsync(ApiPaths.Analysis(done.Id));
        using var get = await device.Client.GetAsync(ApiPaths.Analysis(done.Id));

        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        await HttpAssert.ProblemAsync(again, HttpStatusCode.NotFound, ProblemCode.NotFound);
        await HttpAssert.ProblemAsync(get, HttpStatusCode.NotFound, ProblemCode.NotFound);
        Assert.Equal("failed", (await device.GetJsonAsync(ApiPaths.Analysis(kept.Id))).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Every_route_needs_a_well_formed_device_token()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);
        using var anonymous = factory.CreateClient().WithDeviceToken("too-short");

        using var get = await anonymous.GetAsync(ApiPaths.Analysis(done.Id));
        using var history = await anonymous.GetAsync(ApiRoutes.History);
        using var deleteAll = await anonymous.DeleteAsync(ApiRoutes.History);

        await HttpAssert.ProblemAsync(get, HttpStatusCode.Unauthorized, ProblemCode.InvalidToken);
        await HttpAssert.ProblemAsync(history, HttpStatusCode.Unauthorized, ProblemCode.InvalidToken);
        await HttpAssert.ProblemAsync(deleteAll, HttpStatusCode.Unauthorized, ProblemCode.InvalidToken);
        Assert.Equal("done", (await device.GetJsonAsync(ApiPaths.Analysis(done.Id))).GetProperty("status").GetString());
    }
}
