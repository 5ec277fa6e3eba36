using System.Buffers.Text;
using System.Security.Cryptography;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Testing;

/// <summary>Device tokens as the page makes them (docs/api.md): random base64url kept in localStorage.</summary>
public static class TestDevices
{
    public const string HeaderName = "X-Device-Token";

    /// <summary>A fresh token: 24 random bytes are 32 base64url characters, inside the accepted 22–128.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The id of a fresh device, as the server derives it from a token: what tests that skip HTTP key records by.</summary>
    public static DeviceId NewDeviceId() => DeviceIdentity.DeviceIdFor(NewToken());

    /// <summary>Sends <paramref name="token"/> on every request of <paramref name="client"/>, as the page does.</summary>
    public static HttpClient WithDeviceToken(this HttpClient client, string token)
    {
        ArgumentNullException.ThrowIfNull(client);
        client.DefaultRequestHeaders.Remove(HeaderName);
        client.DefaultRequestHeaders.Add(HeaderName, token);
        return client;
    }
}
