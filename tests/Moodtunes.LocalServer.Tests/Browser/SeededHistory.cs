using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>A phone's history written straight into the running server's store, as if it had taken these selfies.</summary>
public sealed class SeededHistory(IServiceProvider services)
{
    public string Token { get; } = TestDevices.NewToken();

    public DeviceId DeviceId => DeviceIdentity.DeviceIdFor(Token);

    /// <summary>A done analysis read as <paramref name="emotion"/> at <paramref name="createdAt"/>, with the tracks the analyzer offers.</summary>
    public async Task<Analysis> AddAsync(Emotion emotion, DateTimeOffset createdAt)
    {
        var store = services.GetRequiredService<IAnalysisStore>();
        var pending = PendingAnalyses.New(DeviceId, createdAt);
        await store.CreateAsync(pending, CancellationToken.None);
        var tracks = await services.GetRequiredService<TrackPicker>().ForEmotionAsync(emotion, CancellationToken.None);
        var done = DoneAnalyses.Of(pending, emotion, tracks);
        return await store.TryFinishAsync(done, CancellationToken.None) ? done : throw new InvalidOperationException("The seeded analysis did not finish.");
    }

    /// <summary>A done analysis the model was unsure of: afraid 40 %, sad 35 %, neutral 25 % (its guess, afraid, is not the answer).</summary>
    public async Task<Analysis> AddUnsureAsync(DateTimeOffset createdAt)
    {
        var store = services.GetRequiredService<IAnalysisStore>();
        var pending = PendingAnalyses.New(DeviceId, createdAt);
        await store.CreateAsync(pending, CancellationToken.None);
        var tracks = await services.GetRequiredService<TrackPicker>().ForEmotionAsync(Emotion.Fear, CancellationToken.None);
        var done = DoneAnalyses.Of(pending, Emotion.Fear, tracks);
        var scores = new EmotionDistribution([.. Enum.GetValues<Emotion>().Select(e => e switch { Emotion.Fear => 0.40f, Emotion.Sad => 0.35f, Emotion.Neutral => 0.25f, _ => 0f })]);
        done = done with
        {
            Result = done.Result! with { Confidence = 0.40f, AsksForMoods = true, Unsure = true, Faces = [done.Result.Faces[0] with { Emotions = scores }] },
        };
        return await store.TryFinishAsync(done, CancellationToken.None) ? done : throw new InvalidOperationException("The seeded analysis did not finish.");
    }
}
