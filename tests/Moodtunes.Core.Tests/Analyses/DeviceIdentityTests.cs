using Moodtunes.Core.Analyses;

namespace Moodtunes.Core.Tests.Analyses;

public sealed class DeviceIdentityTests
{
    private const string Token = "a-device-token-of-enough-length";

    [Fact]
    public void A_token_gives_the_lower_case_hex_of_its_sha256_which_parses_back_and_prints_as_itself()
    {
        var id = DeviceIdentity.DeviceIdFor(Token);

        Assert.Equal(64, id.Value.Length);
        Assert.True(DeviceIdentity.TryParse(id.Value, out var parsed));
        Assert.Equal(id, parsed);
        Assert.Equal(id.Value, id.ToString());
        Assert.Equal(DeviceIdentity.DeviceIdFor(Token), id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a-device")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_value_that_is_not_a_hash_of_a_token_does_not_parse(string? value) =>
        Assert.False(DeviceIdentity.TryParse(value, out _));
}
