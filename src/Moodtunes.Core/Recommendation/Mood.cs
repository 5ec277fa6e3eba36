namespace Moodtunes.Core.Recommendation;

/// <summary>The moods a user can pick when the face reads neutral (several at once).</summary>
public enum Mood
{
    MorningCoffee,
    Relaxing,
    Exercise,
    HeartTouching,
}
