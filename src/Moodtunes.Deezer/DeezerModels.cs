namespace Moodtunes.Deezer;

// The fields of Deezer's track object we read (developers.deezer.com/api/track; /search wraps a list of them in
// "data"). Errors arrive in the body with HTTP 200 as {"error":{"type","message","code"}} (developers.deezer.com/api/errors).

internal sealed record DeezerSearchResponse(IReadOnlyList<DeezerTrack?>? Data, DeezerError? Error);

internal sealed record DeezerTrack(
    long Id,
    string? Title,
    string? Link,
    string? Preview,
    int? Duration,
    DeezerArtist? Artist,
    DeezerAlbum? Album,
    DeezerError? Error);

internal sealed record DeezerArtist(string? Name);

internal sealed record DeezerAlbum(string? CoverSmall, string? CoverMedium);

internal sealed record DeezerError(string? Type, string? Message, int Code)
{
    /// <summary>DATA_NOT_FOUND: the id or query matches nothing, an answer rather than a failure.</summary>
    public const int DataNotFound = 800;
}
