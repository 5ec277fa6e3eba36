using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>A phone's history written straight into the running server's store, as if it had taken these selfies.</summary>
public sealed class SeededHistory(IServiceProvider services)
{
    public string Token { get; } = TestDevices.NewToken();

    public string DeviceId => DeviceIdentity.DeviceIdFor(Token);

    /// <summary>A done analysis read as <paramref name="emotion"/> at <paramref name="createdAt"/>, with the tracks the analyzer offers.</summary>
    public async Task<Analysis> AddAsync(Emotion emotion, DateTimeOffset createdAt)
    {
        var store = services.GetRequiredService<IAnalysisStore>();
        var pending = PendingAnalyses.New(DeviceId, createdAt);
        await store.CreateAsync(pending, CancellationToken.None);
        var tracks = await services.GetRequiredService<AnalysisTrackSelector>().ForEmotionAsync(emotion, CancellationToken.None);
        var done = DoneAnalyses.Of(pending, emotion, tracks);
        return await store.TryFinishAsync(done, CancellationToken.None) ? done : throw new InvalidOperationException("The seeded analysis did not finish.");
    }
}
