using System.Net;
using System.Net.Http.Json;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Testing;

namespace UploadFunction.Tests;

/// <summary>On AWS only CloudFront knows the origin secret: a caller of the execute-api URL cannot create analyses.</summary>
public sealed class OriginLockTests(OriginLockedFactory<Program> factory) : IClassFixture<OriginLockedFactory<Program>>
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("test-origin-secreT")]
    public async Task An_upload_without_the_origin_secret_is_refused_and_creates_nothing(string? header)
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());
        if (header is not null)
        {
            client.DefaultRequestHeaders.Add(OriginLock.HeaderName, header);
        }

        using var response = await client.PostAsJsonAsync(PhotoUploads.CreatePath, new { contentType = "image/jpeg", size = 1000 });

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(ProblemCode.OriginRequired.ToWire(), problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_upload_through_cloudfront_goes_through()
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());
        client.DefaultRequestHeaders.Add(OriginLock.HeaderName, OriginLockedFactory<Program>.Secret);

        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        Assert.NotEmpty(upload.AnalysisId);
    }

    [Fact]
    public async Task The_adapters_readiness_check_needs_no_secret()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
