using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Amazon.S3.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

/// <summary>
/// The presigned POST against s3rver. s3rver stores what a well-formed POST sends but checks none of the
/// policy, so the policy's content is asserted directly and the emulator's gaps are pinned by tests.
/// </summary>
[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class S3UploadTargetIssuerTests(EmulatorFixture emulators)
{
    private const long MaxBytes = 1000;

    private S3UploadTargetIssuer Issuer => new(emulators.S3, EmulatorFixture.BucketName);

    [Fact]
    public void The_signed_policy_allows_only_that_key_type_size_range_and_expiry()
    {
        var policy = NewPolicy(DateTimeOffset.UtcNow.AddMinutes(10));

        var target = Issuer.Issue(policy);

        using var document = JsonDocument.Parse(Convert.FromBase64String(target.Fields["Policy"]));
        var root = document.RootElement;
        Assert.Equal(policy.ExpiresAt.ToUnixTimeMilliseconds(), root.GetProperty("expiration").GetDateTimeOffset().ToUnixTimeMilliseconds());
        var conditions = root.GetProperty("conditions").EnumerateArray().Select(c => c.GetRawText()).ToList();
        Assert.Contains($$"""{"bucket":"{{EmulatorFixture.BucketName}}"}""", conditions);
        Assert.Contains($$"""{"key":"{{policy.Key}}"}""", conditions);
        Assert.Contains("""{"Content-Type":"image/jpeg"}""", conditions);
        Assert.Contains($"""["content-length-range",1,{MaxBytes}]""", conditions);
        Assert.DoesNotContain(conditions, c => c.Contains("starts-with", StringComparison.Ordinal));
    }

    [Fact]
    public void The_target_carries_the_form_fields_a_browser_must_send()
    {
        var policy = NewPolicy(DateTimeOffset.UtcNow.AddMinutes(10));

        var target = Issuer.Issue(policy);

        Assert.Equal(new Uri($"{emulators.S3.Config.ServiceURL}{EmulatorFixture.BucketName}/"), target.Url);
        Assert.Equal(policy.Key, target.Fields["key"]);
        Assert.Equal(policy.ContentType, target.Fields["Content-Type"]);
        Assert.Contains("x-amz-signature", target.Fields.Keys);
        Assert.Equal((policy.ExpiresAt, MaxBytes), (target.ExpiresAt, target.MaxBytes));
    }

    [Fact]
    public async Task A_browser_style_multipart_post_stores_the_photo_under_the_key_with_its_type()
    {
        var policy = NewPolicy(DateTimeOffset.UtcNow.AddMinutes(10));
        var target = Issuer.Issue(policy);
        var photo = PhotoBytes(MaxBytes);

        using var response = await PostAsync(target, target.Fields, photo);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(photo, await new S3PhotoStore(emulators.S3, EmulatorFixture.BucketName).ReadAsync(policy.Key, MaxBytes, CancellationToken.None));
        var metadata = await emulators.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = EmulatorFixture.BucketName, Key = policy.Key });
        Assert.Equal("image/jpeg", metadata.Headers.ContentType);
    }

    /// <summary>
    /// Real S3 refuses each of these with 403 (AccessDenied / policy condition failed, or EntityTooLarge as 400).
    /// s3rver 3.7.1 ignores the policy and signature of a POST, so these uploads succeed there: the emulator
    /// cannot prove the policy is enforced, only that it is well formed (the test above).
    /// </summary>
    [Theory]
    [InlineData("file over the size range")]
    [InlineData("empty file")]
    [InlineData("another key")]
    [InlineData("another content type")]
    [InlineData("forged signature")]
    [InlineData("expired policy")]
    public async Task The_emulator_accepts_a_post_that_breaks_the_policy_with(string violation)
    {
        var policy = NewPolicy(DateTimeOffset.UtcNow.AddMinutes(violation == "expired policy" ? -1 : 10));
        var target = Issuer.Issue(policy);
        var fields = new Dictionary<string, string>(target.Fields);
        var photo = PhotoBytes(violation switch { "file over the size range" => MaxBytes * 2, "empty file" => 0, _ => 10 });
        switch (violation)
        {
            case "another key":
                fields["key"] = PhotoKey.For(TestDevices.NewDeviceId(), AnalysisIds.New(DateTimeOffset.UtcNow));
                break;
            case "another content type":
                fields["Content-Type"] = "text/html";
                break;
            case "forged signature":
                fields["x-amz-signature"] = new string('0', 64);
                break;
        }

        using var response = await PostAsync(target, fields, photo);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private static UploadPolicy NewPolicy(DateTimeOffset expiresAt) =>
        new(PhotoKey.For(TestDevices.NewDeviceId(), AnalysisIds.New(DateTimeOffset.UtcNow)), "image/jpeg", MaxBytes, expiresAt);

    private static byte[] PhotoBytes(long length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    /// <summary>What the page does: every field in order, then the file last in a part named "file".</summary>
    private static async Task<HttpResponseMessage> PostAsync(UploadTarget target, IReadOnlyDictionary<string, string> fields, byte[] photo)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(photo);
        file.Headers.ContentType = new MediaTypeHeaderValue(fields["Content-Type"]);
        form.Add(file, "file", "photo.jpg");
        using var http = new HttpClient();
        return await http.PostAsync(target.Url, form);
    }
}
