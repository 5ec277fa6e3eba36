using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;

namespace Moodtunes.Storage.Local.Tests;

public sealed class LocalUploadTargetIssuerTests
{
    [Fact]
    public void A_target_posts_to_the_upload_url_with_presigned_post_fields_in_order()
    {
        var signer = new LocalUploadPolicy(new byte[32], new ManualClock(TestAnalyses.Start));
        var url = new Uri("http://192.0.2.10:5000/local-uploads");
        var policy = new UploadPolicy("photos/d/01JD0000000000000000000000", "image/png", 2048, TestAnalyses.Start.AddMinutes(10));

        var target = new LocalUploadTargetIssuer(signer, url).Issue(policy);

        Assert.Equal(url, target.Url);
        Assert.Equal(["key", "Content-Type", "policy", "signature"], target.Fields.Keys);
        Assert.Equal(policy.Key, target.Fields["key"]);
        Assert.Equal(policy.ContentType, target.Fields["Content-Type"]);
        Assert.Equal((policy.ExpiresAt, policy.MaxBytes), (target.ExpiresAt, target.MaxBytes));
        Assert.Equal(
            LocalUploadVerdict.Ok,
            signer.Verify(target.Fields["policy"], target.Fields["signature"], policy.Key, policy.ContentType, 2048).Verdict);
    }
}
