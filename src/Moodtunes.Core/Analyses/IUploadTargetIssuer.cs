namespace Moodtunes.Core.Analyses;

/// <summary>Issues browser upload targets shaped like an S3 presigned POST.</summary>
public interface IUploadTargetIssuer
{
    UploadTarget Issue(UploadPolicy policy);
}

/// <summary>What the signed policy allows: one exact key, one content type, a size range, an expiry.</summary>
public sealed record UploadPolicy(string Key, string ContentType, long MaxBytes, DateTimeOffset ExpiresAt);

/// <summary>
/// Where and how the browser uploads: a multipart/form-data POST to <see cref="Url"/> carrying
/// <see cref="Fields"/> first and the file last, in a part named "file".
/// </summary>
public sealed record UploadTarget(Uri Url, IReadOnlyDictionary<string, string> Fields, DateTimeOffset ExpiresAt, long MaxBytes);
