using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace UploadFunction.Tests;

/// <summary>POST /api/uploads as docs/api.md describes it, on the function's own Program with embedded storage.</summary>
public sealed class CreateUploadTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    public async Task A_supported_photo_gets_a_pending_analysis_and_a_signed_target_for_exactly_its_key(string contentType)
    {
        var token = TestDevices.NewToken();
        using var client = factory.CreateDeviceClient(token);
        var before = DateTimeOffset.UtcNow;

        using var response = await client.PostAsJsonAsync(PhotoUploads.CreatePath, new { contentType, size = 250_000 });

        var upload = IssuedUpload.Parse(await HttpAssert.JsonAsync(response, HttpStatusCode.Created));
        Assert.True(AnalysisIds.IsValid(upload.AnalysisId));
        Assert.Equal(ApiPaths.Analysis(upload.AnalysisId), response.Headers.Location?.OriginalString);

        // The local issuer's fields, in the order the page must send them.
        Assert.Equal(["key", "Content-Type", "policy", "signature"], upload.Fields.Select(f => f.Key));
        Assert.Equal(PhotoKey.For(DeviceIdentity.DeviceIdFor(token), new AnalysisId(upload.AnalysisId)), upload.Key);
        Assert.Equal(contentType, upload.Field("Content-Type"));
        Assert.NotEmpty(upload.Field("policy"));
        Assert.NotEmpty(upload.Field("signature"));
        Assert.Equal(10 * MiB, upload.MaxBytes);
        Assert.InRange(upload.ExpiresAt, before.AddMinutes(10).AddSeconds(-1), DateTimeOffset.UtcNow.AddMinutes(10).AddSeconds(1));

        var stored = await factory.Analyses.GetAsync(DeviceIdentity.DeviceIdFor(token), new AnalysisId(upload.AnalysisId), CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(AnalysisStatus.Pending, stored.Status);
        Assert.Equal(upload.Key, stored.PhotoKey);
        Assert.Null(stored.FinishedAt);
    }

    [Fact]
    public async Task The_largest_allowed_photo_is_accepted()
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());

        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 10 * MiB);

        Assert.Equal(10 * MiB, upload.MaxBytes);
    }

    public static TheoryData<ProblemCode, object> Refusals => new()
    {
        { ProblemCode.UnsupportedType, new { contentType = "image/gif", size = 1000 } },
        { ProblemCode.UnsupportedType, new { contentType = "text/plain", size = 1000 } },
        { ProblemCode.UnsupportedType, new { size = 1000 } },
        { ProblemCode.EmptyFile, new { contentType = "image/jpeg", size = 0 } },
        { ProblemCode.EmptyFile, new { contentType = "image/png", size = -5 } },
        { ProblemCode.FileTooLarge, new { contentType = "image/jpeg", size = (10 * MiB) + 1 } },
        { ProblemCode.FileTooLarge, new { contentType = "image/webp", size = 50 * MiB } },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_upload_is_a_problem_with_its_code_and_creates_no_analysis(ProblemCode code, object body)
    {
        var token = TestDevices.NewToken();
        using var client = factory.CreateDeviceClient(token);

        using var response = await client.PostAsJsonAsync(PhotoUploads.CreatePath, body);

        var expectedStatus = code == ProblemCode.FileTooLarge ? HttpStatusCode.RequestEntityTooLarge : HttpStatusCode.BadRequest;
        await HttpAssert.ProblemAsync(response, expectedStatus, code);
        var history = await factory.Analyses.ListAsync(DeviceIdentity.DeviceIdFor(token), 10, null, CancellationToken.None);
        Assert.Empty(history.Items);
    }

    public static TheoryData<string?> BadTokens => new()
    {
        null,
        "",
        "short-token-21-chars_",
        "has spaces in it but is long enough",
        "padding=is+not/base64url/characters",
        "ümlauts-are-not-base64url-characters",
        new string('a', 129),
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_missing_or_malformed_device_token_is_401_and_creates_nothing(string? token)
    {
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, PhotoUploads.CreatePath)
        {
            Content = JsonContent.Create(new { contentType = "image/jpeg", size = 1000 }),
        };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation(TestDevices.HeaderName, token);
        }

        using var response = await client.SendAsync(request);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.Unauthorized, ProblemCode.InvalidToken);
    }

    [Theory]
    [InlineData(22)]
    [InlineData(128)]
    public async Task Tokens_of_the_shortest_and_longest_allowed_length_are_accepted(int length)
    {
        using var client = factory.CreateDeviceClient(new string('x', length - 1) + "-");

        var upload = await PhotoUploads.RequestAsync(client, "image/png", 1);

        Assert.True(AnalysisIds.IsValid(upload.AnalysisId));
    }

    [Fact]
    public async Task Two_uploads_get_different_analyses_and_keys()
    {
        using var client = factory.CreateDeviceClient(TestDevices.NewToken());

        var first = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);
        var second = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        Assert.NotEqual(first.AnalysisId, second.AnalysisId);
        Assert.NotEqual(first.Key, second.Key);
        Assert.NotEqual(first.Field("signature"), second.Field("signature"));
    }

    [Fact]
    public async Task The_openapi_document_lists_the_upload_route()
    {
        using var client = factory.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        Assert.True(json.RootElement.GetProperty("paths").GetProperty(ApiRoutes.Uploads).TryGetProperty("post", out _));
    }
}
