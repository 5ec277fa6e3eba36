using Amazon.S3;
using Amazon.S3.Model;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Issues S3 presigned POSTs. The signed policy is what stops a page from uploading anything else:
/// S3 enforces the exact key, the exact Content-Type, a size of 1..MaxBytes and the expiry.
/// </summary>
public sealed class S3UploadTargetIssuer(IAmazonS3 client, string bucketName) : IUploadTargetIssuer
{
    /// <summary>
    /// The origin the browser POSTs to for a bucket in a region, as the SDK addresses it (virtual-hosted, regional,
    /// us-east-1 included): the page's CSP allows connections to exactly this origin besides its own.
    /// </summary>
    public static string UploadOrigin(string bucketName, string region) => $"https://{bucketName}.s3.{region}.amazonaws.com";

    public UploadTarget Issue(UploadPolicy policy)
    {
        var response = client.CreatePresignedPost(new CreatePresignedPostRequest
        {
            BucketName = bucketName,
            Key = policy.Key,
            Expires = policy.ExpiresAt.UtcDateTime,
            Fields = new() { ["Content-Type"] = policy.ContentType },
            Conditions =
            [
                S3PostCondition.ExactMatch("Content-Type", policy.ContentType),
                S3PostCondition.ContentLengthRange(1, policy.MaxBytes),
            ],
        });
        return new UploadTarget(new Uri(response.Url), response.Fields, policy.ExpiresAt, policy.MaxBytes);
    }
}
