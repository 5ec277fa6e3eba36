using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>
/// One phone: its token, a client that sends it, and analyses seeded straight into the store the way the
/// upload and analyze functions leave them (created pending, then finished once).
/// </summary>
public sealed class TestDevice : IDisposable
{
    private readonly EmbeddedStorageFactory<Program> _factory;

    public TestDevice(EmbeddedStorageFactory<Program> factory)
    {
        _factory = factory;
        Token = TestDevices.NewToken();
        Client = factory.CreateDeviceClient(Token);
    }

    public string Token { get; }

    public DeviceId DeviceId => DeviceIdentity.DeviceIdFor(Token);

    public HttpClient Client { get; }

    public async Task<Analysis> SeedPendingAsync(DateTimeOffset? createdAt = null, TimeSpan? lifetime = null)
    {
        var analysis = PendingAnalyses.New(DeviceId, createdAt, lifetime);
        await _factory.Analyses.CreateAsync(analysis, CancellationToken.None);
        return analysis;
    }

    /// <summary>A done analysis whose face reads <paramref name="emotion"/>, with the tracks the analyzer would offer.</summary>
    public async Task<Analysis> SeedDoneAsync(Emotion emotion, DateTimeOffset? createdAt = null)
    {
        var pending = await SeedPendingAsync(createdAt);
        var picker = _factory.Services.GetRequiredService<TrackPicker>();
        var done = DoneAnalyses.Of(pending, emotion, await picker.ForEmotionAsync(emotion, CancellationToken.None));
        Assert.True(await _factory.Analyses.TryFinishAsync(done, CancellationToken.None));
        return done;
    }

    /// <summary>A done analysis the model was unsure of (its guess <paramref name="guess"/>), with the tracks for that guess.</summary>
    public async Task<Analysis> SeedUnsureAsync(Emotion guess, DateTimeOffset? createdAt = null)
    {
        var pending = await SeedPendingAsync(createdAt);
        var picker = _factory.Services.GetRequiredService<TrackPicker>();
        var done = DoneAnalyses.Of(pending, guess, await picker.ForEmotionAsync(guess, CancellationToken.None));
        done = done with { Result = done.Result! with { Confidence = 0.4f, AsksForMoods = true, Unsure = true } };
        Assert.True(await _factory.Analyses.TryFinishAsync(done, CancellationToken.None));
        return done;
    }

    public async Task<Analysis> SeedFailedAsync(FailureCode code, DateTimeOffset? createdAt = null)
    {
        var pending = await SeedPendingAsync(createdAt);
        var failed = pending with
        {
            Status = AnalysisStatus.Failed,
            FinishedAt = pending.CreatedAt.AddSeconds(1),
            Failure = new AnalysisFailure(code, "We could not find a face in this photo."),
        };
        Assert.True(await _factory.Analyses.TryFinishAsync(failed, CancellationToken.None));
        return failed;
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public async Task<JsonElement> PostTracksAsync(AnalysisId analysisId, object body)
    {
        using var response = await Client.PostAsJsonAsync(ApiPaths.AnalysisTracks(analysisId), body);
        return await HttpAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public void Dispose() => Client.Dispose();
}
