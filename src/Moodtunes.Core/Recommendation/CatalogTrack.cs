using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>A catalog entry: the track as offered, our own labels and our own valence/energy judgement (0..1).</summary>
public sealed record CatalogTrack(Track Track, IReadOnlySet<CatalogLabel> Labels, double Valence, double Energy);

/// <summary>
/// The labels a catalog track can carry: an emotion label means "fits a listener who shows this emotion"
/// (neutral has none: it asks for moods), a mood label is a mood a user can pick.
/// </summary>
public enum CatalogLabel
{
    Angry,
    Disgust,
    Fear,
    Happy,
    Sad,
    Surprise,
    MorningCoffee,
    Relaxing,
    Exercise,
    HeartTouching,
}

public static class CatalogLabels
{
    public static IReadOnlyList<CatalogLabel> All { get; } = Enum.GetValues<CatalogLabel>();

    /// <summary>The label of songs for a listener showing <paramref name="emotion"/>; neutral has none.</summary>
    public static CatalogLabel For(Emotion emotion) => emotion switch
    {
        Emotion.Angry => CatalogLabel.Angry,
        Emotion.Disgust => CatalogLabel.Disgust,
        Emotion.Fear => CatalogLabel.Fear,
        Emotion.Happy => CatalogLabel.Happy,
        Emotion.Sad => CatalogLabel.Sad,
        Emotion.Surprise => CatalogLabel.Surprise,
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, "Neutral faces pick moods; no song is labelled neutral."),
    };

    public static CatalogLabel For(Mood mood) => mood switch
    {
        Mood.MorningCoffee => CatalogLabel.MorningCoffee,
        Mood.Relaxing => CatalogLabel.Relaxing,
        Mood.Exercise => CatalogLabel.Exercise,
        Mood.HeartTouching => CatalogLabel.HeartTouching,
        _ => throw new ArgumentOutOfRangeException(nameof(mood), mood, null),
    };
}
