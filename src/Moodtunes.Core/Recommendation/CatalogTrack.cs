using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>A catalog entry: the track as offered, our own labels and our own valence/energy judgement (0..1).</summary>
/// <param name="Labels">Wire names from <see cref="CatalogLabels.All"/>.</param>
public sealed record CatalogTrack(Track Track, IReadOnlySet<string> Labels, double Valence, double Energy);

/// <summary>
/// The labels a catalog track can carry: the emotion labels mean "fits a listener who shows this emotion"
/// (neutral has none: it asks for moods), the mood labels are the moods a user can pick.
/// </summary>
public static class CatalogLabels
{
    public static IReadOnlyList<string> All { get; } =
    [
        .. Enum.GetValues<Emotion>().Where(e => e != Emotion.Neutral).Select(EmotionNames.ToWire),
        .. Enum.GetValues<Mood>().Select(MoodNames.ToWire),
    ];
}
