namespace Moodtunes.Core.Recommendation;

/// <summary>The two kinds of Spotify web links a track can carry.</summary>
public static class SpotifyLinks
{
    /// <summary>A search for "title artist": always valid, unlike a guessed track id.</summary>
    public static string Search(string title, string artist) =>
        "https://open.spotify.com/search/" + Uri.EscapeDataString($"{title} {artist}");

    public static string Track(string spotifyTrackId) => "https://open.spotify.com/track/" + spotifyTrackId;
}

/// <summary>Links that open a song in YouTube Music, which has no public track ids to check.</summary>
public static class YouTubeMusicLinks
{
    public static string Search(string title, string artist) =>
        "https://music.youtube.com/search?q=" + Uri.EscapeDataString($"{title} {artist}");
}
