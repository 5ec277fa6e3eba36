namespace Moodtunes.Spotify;

/// <summary>
/// Client-credentials settings, read from the "Spotify" configuration section. The base addresses exist
/// so tests can point the client at a loopback server.
/// </summary>
public sealed record SpotifyOptions
{
    public const string SectionName = "Spotify";

    public static readonly Uri DefaultAccountsBaseAddress = new("https://accounts.spotify.com/");

    public static readonly Uri DefaultApiBaseAddress = new("https://api.spotify.com/");

    public required string ClientId { get; init; }

    public required string ClientSecret { get; init; }

    public Uri AccountsBaseAddress { get; init; } = DefaultAccountsBaseAddress;

    public Uri ApiBaseAddress { get; init; } = DefaultApiBaseAddress;

    /// <summary>Per-request limit: a slow Spotify must not hold up the song list, which works without it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);
}
