namespace Moodtunes.Core.Recommendation;

/// <summary>One list of songs to offer.</summary>
/// <param name="Restarted">True when every candidate had been shown, so the list starts over.</param>
public sealed record TrackPick(IReadOnlyList<Track> Tracks, bool Restarted);
