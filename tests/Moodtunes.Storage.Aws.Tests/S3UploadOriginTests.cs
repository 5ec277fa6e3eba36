using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

/// <summary>The origin the page's CSP allows on AWS is the one the SDK really sends browsers to (no request is made: presigning is local).</summary>
public sealed class S3UploadOriginTests
{
    private const string Bucket = "moodtunes-photos-example";

    [Theory]
    [InlineData("us-east-1")]
    [InlineData("eu-west-2")]
    [InlineData("ap-northeast-2")]
    public void A_presigned_post_goes_to_the_regional_virtual_hosted_origin(string region)
    {
        using var client = new AmazonS3Client(new BasicAWSCredentials("AKIDEXAMPLE", "example-secret"), RegionEndpoint.GetBySystemName(region));
        var policy = new UploadPolicy(PhotoKey.For(TestDevices.NewDeviceId(), AnalysisIds.New(DateTimeOffset.UtcNow)), "image/jpeg", 1000, DateTimeOffset.UtcNow.AddMinutes(5));

        var target = new S3UploadTargetIssuer(client, Bucket).Issue(policy);

        Assert.Equal(S3UploadTargetIssuer.UploadOrigin(Bucket, region), target.Url.GetLeftPart(UriPartial.Authority));
    }
}
