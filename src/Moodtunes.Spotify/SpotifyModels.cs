namespace Moodtunes.Spotify;

/// <summary>The parts of Spotify's track object we use.</summary>
public sealed record SpotifyTrack(string Id, string Name, IReadOnlyList<SpotifyArtist> Artists);

public sealed record SpotifyArtist(string Id, string Name);

internal sealed record SpotifyToken(string AccessToken, string TokenType, int ExpiresIn);

internal sealed record SpotifySearchResponse(SpotifyTrackPage? Tracks);

/// <summary>Search result items can be null in Spotify's answers, hence the nullable element type.</summary>
internal sealed record SpotifyTrackPage(IReadOnlyList<SpotifyTrack?>? Items);
