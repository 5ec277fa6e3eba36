using System.Net;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;
using Moodtunes.Testing.Aws;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>
/// The published upload function as its own process: it records the pending analysis in DynamoDB and hands out an
/// S3 presigned POST that a browser-shaped form upload can use, all through Storage:ServiceUrl.
/// </summary>
[Collection(LambdaFunctionsCollection.Name)]
public sealed class UploadFunctionProcessTests(LambdaFunctionsFixture functions)
{
    private EmulatorFixture Emulators => functions.Emulators;

    [Fact]
    public async Task Post_uploads_creates_a_pending_analysis_and_answers_a_presigned_post_at_the_bucket()
    {
        var token = TestDevices.NewToken();
        using var http = Client(token);
        var photo = TestPhotos.Read(TestPhotos.Astronaut);

        var upload = await PhotoUploads.RequestAsync(http, "image/png", photo.Length);

        // Path-style, at the one endpoint both emulators answer on.
        Assert.Equal(new Uri(Emulators.ServiceUrl, $"{EmulatorFixture.BucketName}/"), upload.Url);
        var deviceId = DeviceIdentity.DeviceIdFor(token);
        Assert.Equal(PhotoKey.For(deviceId, new AnalysisId(upload.AnalysisId)), upload.Key);
        Assert.Equal("image/png", upload.Field("Content-Type"));
        Assert.Equal("AWS4-HMAC-SHA256", upload.Field("x-amz-algorithm"));
        Assert.StartsWith($"{EmulatorFixture.Credentials.GetCredentials().AccessKey}/", upload.Field("x-amz-credential"), StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", upload.Field("x-amz-signature"));
        Assert.NotEmpty(upload.Field("x-amz-date"));
        Assert.NotEmpty(upload.Field("Policy"));
        var pending = await new DynamoDbAnalysisStore(Emulators.DynamoDb, EmulatorFixture.TableName, TimeProvider.System)
            .GetAsync(deviceId, new AnalysisId(upload.AnalysisId), CancellationToken.None);
        Assert.Equal(AnalysisStatus.Pending, pending?.Status);
    }

    [Fact]
    public async Task The_photo_posted_to_the_target_with_its_fields_lands_in_the_bucket_and_its_event_finishes_the_analysis()
    {
        var token = TestDevices.NewToken();
        using var http = Client(token);
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        var upload = await PhotoUploads.RequestAsync(http, "image/png", photo.Length);

        using var posted = await PhotoUploads.PostFormAsync(http, upload, photo);

        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        Assert.Equal(photo, await new S3PhotoStore(Emulators.S3, EmulatorFixture.BucketName).ReadAsync(upload.Key, long.MaxValue, CancellationToken.None));

        // On AWS the bucket notification now invokes the analyzer.
        Assert.Equal(["done"], await functions.PostS3EventAsync(upload.Key));
        var finished = await new DynamoDbAnalysisStore(Emulators.DynamoDb, EmulatorFixture.TableName, TimeProvider.System)
            .GetAsync(DeviceIdentity.DeviceIdFor(token), new AnalysisId(upload.AnalysisId), CancellationToken.None);
        Assert.Equal(AnalysisStatus.Done, finished?.Status);
    }

    private HttpClient Client(string token) => new HttpClient { BaseAddress = functions.UploadFunction.Url }.WithDeviceToken(token);
}
