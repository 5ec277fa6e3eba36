namespace Moodtunes.Storage.Local;

/// <summary>Where the local server keeps analyses, photos and its upload signing key.</summary>
public sealed record LocalStorageOptions
{
    /// <summary>Holds analyses.db, the photos folder and, unless <see cref="SigningKey"/> is given, upload-signing.key.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The local upload endpoint (POST /local-uploads) as the page reaches it; a relative URL is relative to the page.</summary>
    public required Uri UploadUrl { get; init; }

    /// <summary>At least 32 secret bytes for signing upload policies; null to create one and keep it in the data folder.</summary>
    public IReadOnlyList<byte>? SigningKey { get; init; }
}
