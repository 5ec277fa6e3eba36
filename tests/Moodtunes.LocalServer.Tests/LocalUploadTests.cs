using System.Net;
using System.Text;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>
/// POST /local-uploads refuses what S3 refuses of a presigned POST: a policy or signature that is not the
/// server's, another key or type than signed, an expired target, a file over the limit.
/// </summary>
public sealed class LocalUploadTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    private static readonly byte[] Photo = TestPhotos.Read(TestPhotos.GraceHopper);

    [Theory]
    [InlineData("policy")]
    [InlineData("signature")]
    public async Task A_tampered_policy_or_signature_is_403_and_stores_nothing(string field)
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);
        var value = upload.Field(field);
        var tampered = (value[0] == 'A' ? 'B' : 'A') + value[1..];

        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, upload.FieldsWith(field, tampered));

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
    }

    [Fact]
    public async Task A_policy_rewritten_to_allow_more_is_403()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);
        var document = Encoding.UTF8.GetString(System.Buffers.Text.Base64Url.DecodeFromChars(upload.Field("policy")));
        var widened = System.Buffers.Text.Base64Url.EncodeToString(
            Encoding.UTF8.GetBytes(document.Replace(upload.MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), "99999999999", StringComparison.Ordinal)));

        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, upload.FieldsWith("policy", widened));

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
    }

    [Fact]
    public async Task Another_key_than_the_signed_one_is_403()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);
        var other = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);

        // Upload to the other analysis's key with this analysis's policy.
        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, upload.FieldsWith("key", other.Key));

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
        Assert.False(File.Exists(server.PhotoPath(other.Key)));
    }

    [Fact]
    public async Task Another_content_type_than_the_signed_one_is_403()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);

        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, upload.FieldsWith("Content-Type", "image/png"));

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
    }

    [Fact]
    public async Task An_expired_target_is_403()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);

        // The same target as issued, signed by the server itself, but with an expiry a second ago.
        var (policy, signature) = server.Signer.Sign(
            new UploadPolicy(upload.Key, upload.Field("Content-Type"), upload.MaxBytes, DateTimeOffset.UtcNow.AddSeconds(-1)));
        var expired = new[]
        {
            KeyValuePair.Create("key", upload.Key),
            KeyValuePair.Create("Content-Type", upload.Field("Content-Type")),
            KeyValuePair.Create("policy", policy),
            KeyValuePair.Create("signature", signature),
        };

        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, expired);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
    }

    [Fact]
    public async Task A_file_over_the_signed_limit_is_413()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        using var response = await PhotoUploads.PostFormAsync(client, upload, new byte[upload.MaxBytes + 1]);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.RequestEntityTooLarge, ProblemCode.FileTooLarge);
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_413()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        using var response = await PhotoUploads.PostFormAsync(client, upload, new byte[upload.MaxBytes + (1024 * 1024)]);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.RequestEntityTooLarge, ProblemCode.FileTooLarge);
    }

    [Fact]
    public async Task A_40_MB_upload_is_413()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        using var response = await PhotoUploads.PostFormAsync(client, upload, new byte[40 * 1024 * 1024]);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.RequestEntityTooLarge, ProblemCode.FileTooLarge);
    }

    [Fact]
    public async Task An_empty_file_is_400()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", 1000);

        using var response = await PhotoUploads.PostFormAsync(client, upload, []);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.BadRequest, ProblemCode.EmptyFile);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_400()
    {
        using var client = server.CreateClient();

        using var response = await client.PostAsync("/local-uploads", new ByteArrayContent(Photo));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemCode.NotAForm);
    }

    [Fact]
    public async Task A_malformed_multipart_body_is_400()
    {
        using var client = server.CreateClient();
        var body = new StringContent("--boundary\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nphotos/x");
        body.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=boundary");

        using var response = await client.PostAsync("/local-uploads", body);

        await HttpAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemCode.NotAForm);
    }

    [Fact]
    public async Task A_form_field_over_8_KB_is_400_and_stores_nothing()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);

        using var response = await PhotoUploads.PostFormAsync(
            client, upload, Photo, [.. upload.Fields, new("x-amz-meta-note", new string('x', 8 * 1024 + 1))]);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.BadRequest, ProblemCode.NotAForm);
    }

    [Fact]
    public async Task Form_fields_over_64_KB_in_all_are_400_and_store_nothing()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);
        var padding = Enumerable.Range(0, 10).Select(i => new KeyValuePair<string, string>($"x-amz-meta-{i}", new string('x', 7 * 1024)));

        using var response = await PhotoUploads.PostFormAsync(client, upload, Photo, [.. upload.Fields, .. padding]);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.BadRequest, ProblemCode.NotAForm);
    }

    [Fact]
    public async Task A_file_part_before_the_signed_fields_is_refused_without_storing_it()
    {
        using var client = server.CreateDeviceClient(TestDevices.NewToken());
        var upload = await PhotoUploads.RequestAsync(client, "image/jpeg", Photo.Length);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Photo);
        file.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("image/jpeg");
        form.Add(file, "file", "photo");
        foreach (var (name, value) in upload.Fields)
        {
            form.Add(new StringContent(value), name);
        }

        using var response = await client.PostAsync(upload.Url, form);

        await AssertRefusedAsync(client, upload, response, HttpStatusCode.Forbidden, ProblemCode.UploadRefused);
    }

    /// <summary>The refusal, and that it left neither a photo nor a finished analysis behind.</summary>
    private async Task AssertRefusedAsync(HttpClient client, IssuedUpload upload, HttpResponseMessage response, HttpStatusCode status, ProblemCode code)
    {
        await HttpAssert.ProblemAsync(response, status, code);
        Assert.False(File.Exists(server.PhotoPath(upload.Key)));
        Assert.Equal("pending", (await Analyses.GetAsync(client, upload.AnalysisId)).GetProperty("status").GetString());
    }
}
