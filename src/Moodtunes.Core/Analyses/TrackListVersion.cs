namespace Moodtunes.Core.Analyses;

/// <summary>
/// How many times an analysis's track list has been replaced since the analyzer stored the first one. A track
/// save names the version it read, so of two requests that started from the same list only one can store its pick.
/// </summary>
public readonly record struct TrackListVersion(long Value)
{
    /// <summary>The analyzer's list, and every record written before versions existed (they have none stored).</summary>
    public static TrackListVersion Initial { get; } = new(0);

    public TrackListVersion Next() => new(Value + 1);
}
