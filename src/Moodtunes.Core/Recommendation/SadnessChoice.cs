namespace Moodtunes.Core.Recommendation;

/// <summary>What a sad user asked for.</summary>
public enum SadnessChoice
{
    /// <summary>Songs that match the mood (wire "match"); the default.</summary>
    Match,

    /// <summary>Uplifting songs (wire "cheer-up").</summary>
    CheerUp,
}

public static class SadnessChoiceNames
{
    public static string ToWire(this SadnessChoice choice) => choice switch
    {
        SadnessChoice.Match => "match",
        SadnessChoice.CheerUp => "cheer-up",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    public static bool TryParse(string? value, out SadnessChoice choice) => WireNames.TryParse(value, ToWire, out choice);
}
