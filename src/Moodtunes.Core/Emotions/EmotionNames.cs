namespace Moodtunes.Core.Emotions;

/// <summary>Stable lower-case names used on the wire and in storage ("happy", "sad", ...).</summary>
public static class EmotionNames
{
    public static string ToWire(this Emotion emotion) => emotion.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out Emotion emotion) =>
        Enum.TryParse(value, ignoreCase: true, out emotion) && Enum.IsDefined(emotion);
}
