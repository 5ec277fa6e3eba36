using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Local;

/// <summary>
/// Issues targets for the local server's upload endpoint in the same shape as an S3 presigned POST,
/// so the page uploads the same way in both modes.
/// </summary>
public sealed class LocalUploadTargetIssuer(LocalUploadPolicy signer, Uri uploadUrl) : IUploadTargetIssuer
{
    public UploadTarget Issue(UploadPolicy policy)
    {
        var (encoded, signature) = signer.Sign(policy);

        // Ordered because the page sends the fields in this order, as it does for S3.
        var fields = new OrderedDictionary<string, string>
        {
            ["key"] = policy.Key,
            ["Content-Type"] = policy.ContentType,
            ["policy"] = encoded,
            ["signature"] = signature,
        };
        return new UploadTarget(uploadUrl, fields, policy.ExpiresAt, policy.MaxBytes);
    }
}
