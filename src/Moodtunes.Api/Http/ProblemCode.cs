namespace Moodtunes.Api.Http;

/// <summary>
/// Every <c>code</c> a problem response carries (docs/api.md, "Problem codes"), named on the wire through
/// <see cref="Moodtunes.Core.WireNames"/> like every enum ("saved-songs-full"); the page words each one.
/// </summary>
public enum ProblemCode
{
    /// <summary>401: the <c>X-Device-Token</c> header is missing or malformed.</summary>
    InvalidToken,

    /// <summary>403: an API request that did not come through the page's own address (CloudFront).</summary>
    OriginRequired,

    /// <summary>404: no such analysis for this device.</summary>
    NotFound,

    /// <summary>400: the upload names no content type we accept.</summary>
    UnsupportedType,

    /// <summary>400: the upload (or its form) has no bytes.</summary>
    EmptyFile,

    /// <summary>413: the photo is over the upload limit.</summary>
    FileTooLarge,

    /// <summary>400: the local upload is not a well-formed multipart form.</summary>
    NotAForm,

    /// <summary>403: the local upload's signature, expiry, key or content type does not match its target.</summary>
    UploadRefused,

    /// <summary>413: a request body over the local server's limit.</summary>
    RequestTooLarge,

    /// <summary>429: over the local server's rate limit.</summary>
    TooManyRequests,

    /// <summary>400: a history page size out of range.</summary>
    BadLimit,

    /// <summary>400: a history cursor this API did not return.</summary>
    BadCursor,

    /// <summary>400: a time zone offset out of range.</summary>
    BadOffset,

    /// <summary>404: not a song of the catalog.</summary>
    UnknownTrack,

    /// <summary>409: the device keeps as many songs as it may.</summary>
    SavedSongsFull,

    /// <summary>404: the song is not saved on this device.</summary>
    NotSaved,

    /// <summary>400: an export format other than csv or text.</summary>
    UnknownFormat,

    /// <summary>400: a mood that is not a <see cref="Moodtunes.Core.Recommendation.Mood"/>.</summary>
    UnknownMood,

    /// <summary>400: an answer that is not an emotion.</summary>
    UnknownEmotion,

    /// <summary>400: a sadness choice other than match or cheer-up.</summary>
    UnknownChoice,

    /// <summary>409: tracks are offered once the analysis is done.</summary>
    NotDone,

    /// <summary>409: other requests kept changing this analysis's list.</summary>
    TracksBusy,

    /// <summary>404: the song has no preview.</summary>
    NoPreview,

    /// <summary>503: the music provider cannot be reached now.</summary>
    ProviderUnavailable,

    /// <summary>400: the body posted to the events route is not an S3 event notification.</summary>
    NotAnS3Event,
}
