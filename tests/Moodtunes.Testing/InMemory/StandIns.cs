using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Testing.InMemory;

/// <summary>The vision pipeline's port answering what the test says (the models themselves are tested in Vision.Tests).</summary>
public sealed class GivenPhotoReader : IPhotoReader
{
    /// <summary>What the next photo reads as; null reads no face.</summary>
    public PhotoReading? Reading { get; set; }

    /// <summary>When set, every photo is refused with it instead.</summary>
    public PhotoRejectedException? Rejection { get; set; }

    public int Reads { get; private set; }

    public PhotoReading Read(byte[] photo)
    {
        Reads++;
        return Rejection is { } rejection ? throw rejection : Reading ?? new PhotoReading(640, 480, [], 1);
    }
}

/// <summary>Issues a target carrying its policy's fields, and keeps the last policy so a test can read what was signed.</summary>
public sealed class RecordingUploadTargetIssuer : IUploadTargetIssuer
{
    public UploadPolicy? LastPolicy { get; private set; }

    public UploadTarget Issue(UploadPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        LastPolicy = policy;
        return new UploadTarget(
            new Uri("https://uploads.example.test/"),
            new Dictionary<string, string> { ["key"] = policy.Key, ["Content-Type"] = policy.ContentType },
            policy.ExpiresAt,
            policy.MaxBytes);
    }
}

/// <summary>A music provider with the tracks the test gives it; <see cref="Down"/> makes every call fail as an outage does.</summary>
public sealed class StandInMediaResolver : ITrackMediaResolver
{
    private readonly Dictionary<string, TrackMedia> _byCatalogId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Uri> _previews = new(StringComparer.Ordinal);

    public MusicProvider Provider => MusicProvider.Deezer;

    public bool Down { get; set; }

    public int Finds { get; private set; }

    /// <summary>The provider knows <paramref name="catalogId"/> as <paramref name="providerTrackId"/>, with a preview at <paramref name="preview"/> if given.</summary>
    public TrackMedia Knows(string catalogId, string providerTrackId, Uri? preview = null)
    {
        var media = new TrackMedia(Provider, providerTrackId, $"https://www.deezer.com/track/{providerTrackId}", null, null, 30, HasPreview: preview is not null);
        _byCatalogId[catalogId] = media;
        if (preview is not null)
        {
            _previews[providerTrackId] = preview;
        }

        return media;
    }

    public Task<TrackMedia?> FindAsync(Track track, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(track);
        Finds++;
        return Down ? throw new TrackProviderException("The stand-in provider is down.") : Task.FromResult(_byCatalogId.GetValueOrDefault(track.Id));
    }

    public Task<Uri?> PreviewUrlAsync(string providerTrackId, CancellationToken cancellationToken) =>
        Down ? throw new TrackProviderException("The stand-in provider is down.") : Task.FromResult(_previews.GetValueOrDefault(providerTrackId));
}
