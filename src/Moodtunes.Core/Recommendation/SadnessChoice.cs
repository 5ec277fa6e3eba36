namespace Moodtunes.Core.Recommendation;

/// <summary>What a sad user asked for.</summary>
public enum SadnessChoice
{
    /// <summary>Songs that match the mood (wire "match"); the default.</summary>
    Match,

    /// <summary>Uplifting songs (wire "cheer-up").</summary>
    CheerUp,
}
