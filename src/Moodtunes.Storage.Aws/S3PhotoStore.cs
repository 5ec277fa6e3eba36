using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Aws;

/// <summary>Photos as objects in one S3 bucket, keyed exactly by their photo key.</summary>
public sealed class S3PhotoStore(IAmazonS3 client, string bucketName) : IPhotoStore
{
    public async Task<byte[]?> ReadAsync(string key, long maxBytes, CancellationToken cancellationToken)
    {
        GetObjectResponse response;
        try
        {
            response = await client.GetObjectAsync(new GetObjectRequest { BucketName = bucketName, Key = key }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.StatusCode == HttpStatusCode.NotFound && e.ErrorCode == "NoSuchKey")
        {
            return null;
        }

        using (response)
        {
            // Refused on the header alone: disposing the unread body drops the connection instead of downloading it.
            if (response.ContentLength > maxBytes)
            {
                throw new PhotoTooLargeException(key, response.ContentLength, maxBytes);
            }

            var bytes = new byte[response.ContentLength];
            await response.ResponseStream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await client.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucketName, Key = key }, cancellationToken);
}
