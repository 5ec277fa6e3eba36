using System.Buffers.Text;
using System.Text;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;

namespace Moodtunes.Storage.Local.Tests;

public sealed class LocalUploadPolicyTests
{
    private static readonly byte[] SigningKey = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
    private static readonly UploadPolicy Policy =
        new("photos/device/01JD0000000000000000000000", "image/jpeg", 1000, TestAnalyses.Start.AddMinutes(10));

    private readonly ManualClock _clock = new(TestAnalyses.Start);

    private LocalUploadPolicy Signer => new(SigningKey, _clock);

    [Fact]
    public void An_upload_matching_its_signed_policy_is_accepted_with_that_policy()
    {
        var (policy, signature) = Signer.Sign(Policy);

        var check = Signer.Verify(policy, signature, Policy.Key, Policy.ContentType, Policy.MaxBytes);

        Assert.Equal(new LocalUploadCheck(LocalUploadVerdict.Ok, Policy), check);
    }

    [Fact]
    public void The_policy_field_is_base64url_json_with_key_type_size_and_expiry()
    {
        var (policy, _) = Signer.Sign(Policy);

        var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(policy));

        Assert.Equal(
            """{"key":"photos/device/01JD0000000000000000000000","contentType":"image/jpeg","maxBytes":1000,"expiresAt":"2026-11-25T10:10:00.123+00:00"}""",
            json);
    }

    [Fact]
    public void An_upload_at_or_after_the_expiry_is_refused()
    {
        var (policy, signature) = Signer.Sign(Policy);
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(LocalUploadVerdict.Expired, Signer.Verify(policy, signature, Policy.Key, Policy.ContentType, 10).Verdict);
    }

    [Fact]
    public void A_policy_signed_with_another_key_is_refused()
    {
        var (policy, signature) = new LocalUploadPolicy(new byte[32], _clock).Sign(Policy);

        Assert.Equal(LocalUploadVerdict.BadSignature, Signer.Verify(policy, signature, Policy.Key, Policy.ContentType, 10).Verdict);
    }

    [Fact]
    public void A_policy_rewritten_by_the_page_is_refused()
    {
        var (_, signature) = Signer.Sign(Policy);
        var (bigger, _) = Signer.Sign(Policy with { MaxBytes = 1_000_000_000 });

        Assert.Equal(LocalUploadVerdict.BadSignature, Signer.Verify(bigger, signature, Policy.Key, Policy.ContentType, 10).Verdict);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not base64url!")]
    [InlineData("AAAA")]
    public void A_missing_or_garbled_signature_is_refused(string signature)
    {
        var (policy, _) = Signer.Sign(Policy);

        Assert.Equal(LocalUploadVerdict.BadSignature, Signer.Verify(policy, signature, Policy.Key, Policy.ContentType, 10).Verdict);
    }

    [Fact]
    public void A_different_key_is_refused()
    {
        var (policy, signature) = Signer.Sign(Policy);

        Assert.Equal(LocalUploadVerdict.KeyMismatch, Signer.Verify(policy, signature, Policy.Key + "x", Policy.ContentType, 10).Verdict);
    }

    [Fact]
    public void A_different_content_type_is_refused()
    {
        var (policy, signature) = Signer.Sign(Policy);

        Assert.Equal(LocalUploadVerdict.TypeMismatch, Signer.Verify(policy, signature, Policy.Key, "image/png", 10).Verdict);
    }

    [Fact]
    public void A_file_over_the_signed_size_is_refused()
    {
        var (policy, signature) = Signer.Sign(Policy);

        var check = Signer.Verify(policy, signature, Policy.Key, Policy.ContentType, Policy.MaxBytes + 1);

        Assert.Equal(new LocalUploadCheck(LocalUploadVerdict.TooLarge, null), check);
    }

    [Fact]
    public void A_short_signing_key_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalUploadPolicy(new byte[16], _clock));
}
