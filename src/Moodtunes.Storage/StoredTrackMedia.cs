using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage;

/// <summary>
/// The stored form of a provider's track, its own record so that renaming a property of <see cref="TrackMedia"/>
/// cannot silently change what is stored. Public so other stored documents can embed the same shape.
/// </summary>
public sealed record TrackMediaDocument(
    MusicProvider Provider,
    string ProviderTrackId,
    string PageUrl,
    string? CoverSmall,
    string? CoverMedium,
    int? DurationSeconds,
    bool HasPreview)
{
    public static TrackMediaDocument From(TrackMedia media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return new TrackMediaDocument(
            media.Provider, media.ProviderTrackId, media.PageUrl, media.CoverSmall, media.CoverMedium, media.DurationSeconds, media.HasPreview);
    }

    public TrackMedia ToMedia() =>
        new(Provider, ProviderTrackId, PageUrl, CoverSmall, CoverMedium, DurationSeconds, HasPreview);
}

/// <summary>
/// The JSON text of a <see cref="TrackMediaDocument"/> as the track media caches keep it: camelCase, enums by their
/// wire names (<c>"deezer"</c>), like every stored document.
/// </summary>
public static class StoredTrackMedia
{
    public static string Write(TrackMedia media) => StoredJson.Serialize(TrackMediaDocument.From(media));

    /// <exception cref="InvalidDataException">The text is not stored track media.</exception>
    public static TrackMedia ReadTrackMedia(string json) => StoredJson.Deserialize<TrackMediaDocument>(json).ToMedia();
}
