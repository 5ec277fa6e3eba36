using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Testing;

/// <summary>Analyses as the analyze function finishes them: one face read as an emotion, with the tracks offered.</summary>
public static class DoneAnalyses
{
    public static Analysis Of(Analysis pending, Emotion emotion, TrackSelection tracks) => pending with
    {
        Status = AnalysisStatus.Done,
        FinishedAt = pending.CreatedAt.AddSeconds(2),
        Result = new AnalysisResult
        {
            ImageWidth = 1280,
            ImageHeight = 960,
            Emotion = emotion,
            Confidence = 0.87f,
            AsksForMoods = false,
            ElapsedMilliseconds = 21.4,
            Faces =
            [
                new FaceResult
                {
                    X = 0.31f, Y = 0.12f, Width = 0.25f, Height = 0.25f, DetectionScore = 0.97f,
                    Emotions = new EmotionDistribution([.. Enum.GetValues<Emotion>().Select(e => e == emotion ? 0.87f : e == Emotion.Neutral ? 0.13f : 0f)]),
                },
            ],
        },
        Tracks = tracks,
    };
}
