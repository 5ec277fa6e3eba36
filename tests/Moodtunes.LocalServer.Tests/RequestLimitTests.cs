using System.Net;
using System.Net.Http.Json;
using System.Text;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

public sealed class RequestLimitTests
{
    [Fact]
    public async Task A_device_over_its_request_budget_gets_429_while_other_devices_and_the_page_are_unaffected()
    {
        using var data = new TemporaryDirectory();
        using var server = LocalServerFactory.On(data.Path)
            .WithWebHostBuilder(builder => builder.UseSetting("Moodtunes:RequestsPerDevicePerMinute", "5"));
        using var greedy = server.CreateClient().WithDeviceToken(TestDevices.NewToken());
        using var other = server.CreateClient().WithDeviceToken(TestDevices.NewToken());

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync(ApiRoutes.History)).StatusCode);
        }

        var refused = await greedy.GetAsync(ApiRoutes.History);
        Assert.NotNull(refused.Headers.RetryAfter);
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests, ProblemCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(ApiRoutes.History)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task A_device_over_its_upload_budget_gets_429_for_another_target_while_its_other_requests_and_other_devices_are_served()
    {
        using var data = new TemporaryDirectory();
        using var server = LocalServerFactory.On(data.Path)
            .WithWebHostBuilder(builder => builder.UseSetting("Moodtunes:UploadsPerDevicePerMinute", "3"));
        using var greedy = server.CreateClient().WithDeviceToken(TestDevices.NewToken());
        using var other = server.CreateClient().WithDeviceToken(TestDevices.NewToken());

        for (var i = 0; i < 3; i++)
        {
            await PhotoUploads.RequestAsync(greedy, "image/jpeg", 1000);
        }

        var refused = await greedy.PostAsJsonAsync(PhotoUploads.CreatePath, new { contentType = "image/jpeg", size = 1000 });
        await HttpAssert.ProblemAsync(refused, HttpStatusCode.TooManyRequests, ProblemCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync(ApiRoutes.History)).StatusCode);
        await PhotoUploads.RequestAsync(other, "image/jpeg", 1000);
    }

    [Theory]
    [InlineData(ApiRoutes.Uploads + "/")]
    [InlineData("/API/Uploads")]
    public async Task Another_spelling_of_the_upload_path_counts_against_the_same_upload_budget(string spelling)
    {
        using var data = new TemporaryDirectory();
        using var server = LocalServerFactory.On(data.Path)
            .WithWebHostBuilder(builder => builder.UseSetting("Moodtunes:UploadsPerDevicePerMinute", "3"));
        using var greedy = server.CreateClient().WithDeviceToken(TestDevices.NewToken());

        for (var i = 0; i < 3; i++)
        {
            using var issued = await greedy.PostAsJsonAsync(spelling, new { contentType = "image/jpeg", size = 1000 });
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        await HttpAssert.ProblemAsync(
            await greedy.PostAsJsonAsync(spelling, new { contentType = "image/jpeg", size = 1000 }), HttpStatusCode.TooManyRequests, ProblemCode.TooManyRequests);
        await HttpAssert.ProblemAsync(
            await greedy.PostAsJsonAsync(PhotoUploads.CreatePath, new { contentType = "image/jpeg", size = 1000 }), HttpStatusCode.TooManyRequests, ProblemCode.TooManyRequests);
    }

    [Fact]
    public async Task A_json_body_larger_than_any_request_needs_is_refused()
    {
        using var server = new LocalServerFactory();
        using var client = server.CreateClient().WithDeviceToken(TestDevices.NewToken());
        var padding = new string('x', 64 * 1024);
        using var body = new StringContent($$"""{"contentType":"image/jpeg","size":1000,"padding":"{{padding}}"}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync(ApiRoutes.Uploads, body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, ProblemCode.RequestTooLarge);
    }
}
