using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>The tracks offered for an analysis and what was asked for.</summary>
public sealed record TrackSelection
{
    /// <summary>The moods the user picked, empty when the tracks follow the emotion.</summary>
    public IReadOnlyList<Mood> Moods { get; init; } = [];

    /// <summary>For sadness: match my mood or cheer me up; null otherwise.</summary>
    public SadnessChoice? SadnessChoice { get; init; }

    /// <summary>The emotion the person said they feel when the reading was unsure; the tracks follow it. Null when not asked or not answered.</summary>
    public Emotion? Answer { get; init; }

    public required IReadOnlyList<Track> Current { get; init; }

    /// <summary>Catalog ids of every track offered so far for this request, so "other songs" never repeats.</summary>
    public required IReadOnlyList<string> ShownIds { get; init; }
}
