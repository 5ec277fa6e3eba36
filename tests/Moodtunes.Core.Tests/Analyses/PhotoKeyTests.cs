using Moodtunes.Core.Analyses;

namespace Moodtunes.Core.Tests.Analyses;

public sealed class PhotoKeyTests
{
    private static readonly DeviceId DeviceId = DeviceIdentity.DeviceIdFor("a-device-token-of-enough-length");
    private static readonly AnalysisId AnalysisId = AnalysisIds.New(DateTimeOffset.UtcNow);

    [Fact]
    public void A_key_made_by_For_parses_back_to_its_device_and_analysis()
    {
        Assert.True(PhotoKey.TryParse(PhotoKey.For(DeviceId, AnalysisId), out var device, out var analysis));
        Assert.Equal((DeviceId, AnalysisId), (device, analysis));
    }

    public static TheoryData<string> ForeignKeys => new()
    {
        "uploads/x/y",
        $"photos/{DeviceId}",
        $"photos/{DeviceId}/{AnalysisId}/extra",
        $"photos/a device/{AnalysisId}",
        $"photos/{DeviceId.Value.ToUpperInvariant()}/{AnalysisId}",
        $"photos/{DeviceId}/not-an-id",
        $"photos/../{AnalysisId}",
    };

    [Theory]
    [MemberData(nameof(ForeignKeys))]
    public void Keys_the_upload_function_cannot_have_issued_do_not_parse(string key) =>
        Assert.False(PhotoKey.TryParse(key, out _, out _));
}
