namespace Moodtunes.Core.Recommendation;

/// <summary>The songs <see cref="TrackRecommender"/> drew for one list, before <see cref="TrackPicker"/> links them and adds media.</summary>
/// <param name="Restarted">True when every candidate had been shown, so the list starts over.</param>
public sealed record RecommendedTracks(IReadOnlyList<Track> Tracks, bool Restarted);
