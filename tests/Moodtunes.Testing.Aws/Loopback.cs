using System.Net;
using System.Net.Sockets;

namespace Moodtunes.Testing.Aws;

/// <summary>Loopback ports for local servers, and for endpoints that must be unreachable.</summary>
public static class Loopback
{
    /// <summary>Asks the OS for a free loopback port; the server binds it moments later.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An address nothing listens on, so a connection to it is refused at once (an AWS endpoint that is down).</summary>
    public static string ClosedUrl() => $"http://127.0.0.1:{FreePort()}";
}
