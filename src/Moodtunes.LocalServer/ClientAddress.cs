using System.Net;
using System.Net.Sockets;

namespace Moodtunes.LocalServer;

/// <summary>
/// The network a request comes from, as limits and turns count it: an IPv4 address, or an IPv6 /64 (one home network
/// or phone gets a whole /64 and may pick any address in it, so counting single IPv6 addresses would be counting nothing).
/// </summary>
public static class ClientAddress
{
    private const int Ipv6NetworkBytes = 8;

    /// <summary>The request's network, or null when it has no remote address (in-memory test hosts).</summary>
    public static string? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Connection.RemoteIpAddress is { } address ? Network(address) : null;
    }

    public static string Network(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily is not AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        bytes.AsSpan(Ipv6NetworkBytes).Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
