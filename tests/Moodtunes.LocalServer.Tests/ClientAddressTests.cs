using System.Net;

namespace Moodtunes.LocalServer.Tests;

public sealed class ClientAddressTests
{
    [Fact]
    public void Every_address_of_one_ipv6_network_counts_as_that_network() =>
        Assert.Equal(
            ClientAddress.Network(IPAddress.Parse("2001:db8:1:2:aaaa:bbbb:cccc:dddd")),
            ClientAddress.Network(IPAddress.Parse("2001:db8:1:2::7")));

    [Fact]
    public void Another_ipv6_network_counts_apart() =>
        Assert.NotEqual(ClientAddress.Network(IPAddress.Parse("2001:db8:1:2::7")), ClientAddress.Network(IPAddress.Parse("2001:db8:1:3::7")));

    [Fact]
    public void An_ipv4_address_counts_alone_however_it_arrives() =>
        Assert.Equal("192.0.2.7", ClientAddress.Network(IPAddress.Parse("::ffff:192.0.2.7")));
}
