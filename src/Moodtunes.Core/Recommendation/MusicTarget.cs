namespace Moodtunes.Core.Recommendation;

/// <summary>A point in valence/energy space (both 0..1) that a list of songs should sit close to.</summary>
public sealed record MusicTarget(double Valence, double Energy)
{
    public double DistanceTo(double valence, double energy) => Math.Sqrt(Square(valence - Valence) + Square(energy - Energy));

    private static double Square(double value) => value * value;
}

/// <summary>
/// The targets per emotion and mood, chosen from the class medians of the reference mood data
/// (docs/recommendation.md shows the derivation): Happy (0.59, 0.78), Sad (0.23, 0.36),
/// Energetic (0.43, 0.91), Calm (0.12, 0.12) as (valence, energy).
/// </summary>
public static class MusicTargets
{
    /// <summary>The Happy class median.</summary>
    public static MusicTarget Happy { get; } = new(0.59, 0.78);

    /// <summary>The Sad class median: songs that match a sad mood.</summary>
    public static MusicTarget SadMatch { get; } = new(0.23, 0.36);

    /// <summary>Happy valence at the energy halfway between Sad and Happy: uplifting without being loud.</summary>
    public static MusicTarget SadCheerUp { get; } = new(0.59, 0.57);

    /// <summary>Happy valence with Energetic energy: bold and exciting.</summary>
    public static MusicTarget Surprise { get; } = new(0.59, 0.91);

    /// <summary>The Energetic class median: powerful songs to let the anger out.</summary>
    public static MusicTarget Angry { get; } = new(0.43, 0.91);

    /// <summary>Like cheering up: Happy valence at the energy halfway between Sad and Happy, warm and reassuring.</summary>
    public static MusicTarget Fear { get; } = new(0.59, 0.57);

    /// <summary>The Happy class median again: bright "shake it off" songs.</summary>
    public static MusicTarget Disgust { get; } = new(0.59, 0.78);

    /// <summary>Happy valence at the energy halfway between Calm and Happy: bright but unhurried.</summary>
    public static MusicTarget MorningCoffee { get; } = new(0.59, 0.45);

    /// <summary>Valence halfway between Calm and Happy, energy halfway between Calm and Sad.</summary>
    public static MusicTarget Relaxing { get; } = new(0.36, 0.24);

    /// <summary>The Energetic class median.</summary>
    public static MusicTarget Exercise { get; } = new(0.43, 0.91);

    /// <summary>Valence halfway between Sad and Happy at the Sad median's energy: moving, not gloomy.</summary>
    public static MusicTarget HeartTouching { get; } = new(0.41, 0.36);

    public static MusicTarget For(Mood mood) => mood switch
    {
        Mood.MorningCoffee => MorningCoffee,
        Mood.Relaxing => Relaxing,
        Mood.Exercise => Exercise,
        Mood.HeartTouching => HeartTouching,
        _ => throw new ArgumentOutOfRangeException(nameof(mood), mood, null),
    };
}
