using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Local;

/// <summary>Why the local upload endpoint accepts or refuses an upload, mirroring what S3 checks of a presigned POST.</summary>
public enum LocalUploadVerdict
{
    Ok,
    Expired,

    /// <summary>The policy was not signed with this install's key, or is not a policy at all.</summary>
    BadSignature,
    KeyMismatch,
    TypeMismatch,
    TooLarge,
}

/// <summary>The verdict and, when <see cref="LocalUploadVerdict.Ok"/>, the policy that allowed the upload.</summary>
public sealed record LocalUploadCheck(LocalUploadVerdict Verdict, UploadPolicy? Policy);

/// <summary>
/// Signs and verifies the local stand-in for an S3 POST policy: the "policy" field is base64url JSON
/// {key, contentType, maxBytes, expiresAt} and "signature" is base64url HMAC-SHA256 of that field's text
/// under a per-install secret, so a page can only upload what the server issued.
/// </summary>
public sealed class LocalUploadPolicy
{
    private const int MinKeyBytes = 32;

    private static readonly JsonSerializerOptions PolicyJson = new(JsonSerializerDefaults.Web);

    private readonly byte[] _signingKey;
    private readonly TimeProvider _time;

    public LocalUploadPolicy(byte[] signingKey, TimeProvider timeProvider)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(signingKey.Length, MinKeyBytes, nameof(signingKey));
        _signingKey = [.. signingKey];
        _time = timeProvider;
    }

    /// <summary>The "policy" and "signature" form fields for <paramref name="policy"/>.</summary>
    public (string Policy, string Signature) Sign(UploadPolicy policy)
    {
        var document = new PolicyDocument(policy.Key, policy.ContentType, policy.MaxBytes, policy.ExpiresAt);
        var encoded = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(document, PolicyJson));
        return (encoded, Base64Url.EncodeToString(Mac(encoded)));
    }

    /// <summary>
    /// Checks an upload's form fields and file size against the signed policy. The size is null while the file
    /// is still to be streamed: the caller then stores at most the returned policy's MaxBytes.
    /// </summary>
    public LocalUploadCheck Verify(string policy, string signature, string key, string contentType, long? size)
    {
        if (!Base64Url.IsValid(signature) ||
            !CryptographicOperations.FixedTimeEquals(Mac(policy), Base64Url.DecodeFromChars(signature)) ||
            Decode(policy) is not { } document)
        {
            return new LocalUploadCheck(LocalUploadVerdict.BadSignature, null);
        }

        var verdict =
            _time.GetUtcNow() >= document.ExpiresAt ? LocalUploadVerdict.Expired
            : !string.Equals(key, document.Key, StringComparison.Ordinal) ? LocalUploadVerdict.KeyMismatch
            : !string.Equals(contentType, document.ContentType, StringComparison.Ordinal) ? LocalUploadVerdict.TypeMismatch
            : size > document.MaxBytes ? LocalUploadVerdict.TooLarge
            : LocalUploadVerdict.Ok;
        return verdict == LocalUploadVerdict.Ok
            ? new LocalUploadCheck(verdict, new UploadPolicy(document.Key, document.ContentType, document.MaxBytes, document.ExpiresAt))
            : new LocalUploadCheck(verdict, null);
    }

    private byte[] Mac(string encodedPolicy) => HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(encodedPolicy));

    private static PolicyDocument? Decode(string encodedPolicy)
    {
        // Only reached once the signature matched, so a malformed document means our own bug, but still no upload.
        try
        {
            return Base64Url.IsValid(encodedPolicy)
                ? JsonSerializer.Deserialize<PolicyDocument>(Base64Url.DecodeFromChars(encodedPolicy), PolicyJson)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record PolicyDocument(string Key, string ContentType, long MaxBytes, DateTimeOffset ExpiresAt);
}
