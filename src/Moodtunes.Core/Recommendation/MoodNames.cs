namespace Moodtunes.Core.Recommendation;

/// <summary>Wire names of <see cref="Mood"/>: "morning-coffee", "relaxing", "exercise", "heart-touching".</summary>
public static class MoodNames
{
    public static string ToWire(this Mood mood) => mood switch
    {
        Mood.MorningCoffee => "morning-coffee",
        Mood.Relaxing => "relaxing",
        Mood.Exercise => "exercise",
        Mood.HeartTouching => "heart-touching",
        _ => throw new ArgumentOutOfRangeException(nameof(mood), mood, null),
    };

    public static bool TryParse(string? value, out Mood mood) => WireNames.TryParse(value, ToWire, out mood);
}
