using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.Storage.ContractTests;

/// <summary>Builders for analyses shaped like the ones the functions store.</summary>
public static class TestAnalyses
{
    /// <summary>A fixed instant with a sub-second part, to show stores keep CreatedAt exactly.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    /// <summary>Whole seconds: stores keep ExpiresAt as epoch seconds (DynamoDB's TTL format).</summary>
    public static readonly TimeSpan Lifetime = AnalysisRetention.Lifetime;

    public static Analysis Pending(DeviceId deviceId, DateTimeOffset createdAt) =>
        Analysis.Pending(deviceId, createdAt, Lifetime) with
        {
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(createdAt.ToUnixTimeSeconds()) + Lifetime,
        };

    public static Analysis Done(Analysis pending, DateTimeOffset finishedAt, Emotion emotion = Emotion.Happy) =>
        DoneAnalyses.Of(pending, emotion, Tracks("first-song")) with { FinishedAt = finishedAt };

    public static Analysis Failed(Analysis pending, DateTimeOffset finishedAt) => pending with
    {
        Status = AnalysisStatus.Failed,
        FinishedAt = finishedAt,
        Failure = new AnalysisFailure(FailureCode.NoFace, "We could not find a face in this photo."),
    };

    public static TrackSelection Tracks(params string[] ids) => new()
    {
        Moods = [Mood.Relaxing],
        SadnessChoice = null,
        Current = [.. ids.Select(id => new Track(id, $"Title {id}", "Artist", TrackLanguage.Ko, $"https://example.org/{id}", null))],
        ShownIds = ids,
    };

    /// <summary>Records hold lists, so compare their stored form rather than references.</summary>
    public static void AssertSame(Analysis expected, Analysis? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(AnalysisRecord.From(expected), AnalysisRecord.From(actual));
    }
}
