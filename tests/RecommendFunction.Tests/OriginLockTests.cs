using System.Net;
using Moodtunes.Api.Http;
using Moodtunes.Api;
using Moodtunes.Core;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>On AWS only CloudFront knows the origin secret: the execute-api URL reads nothing.</summary>
public sealed class OriginLockTests(OriginLockedFactory<Program> factory) : IClassFixture<OriginLockedFactory<Program>>
{
    [Fact]
    public async Task Reading_history_without_the_origin_secret_is_refused()
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());

        using var response = await client.GetAsync(new Uri(ApiRoutes.History, UriKind.Relative));

        var problem = await HttpAssert.JsonAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(ProblemCode.OriginRequired.ToWire(), problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reading_history_through_cloudfront_goes_through()
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());
        client.DefaultRequestHeaders.Add(OriginLock.HeaderName, OriginLockedFactory<Program>.Secret);

        using var response = await client.GetAsync(new Uri(ApiRoutes.History, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
