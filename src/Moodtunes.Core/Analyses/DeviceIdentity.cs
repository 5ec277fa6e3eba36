using System.Security.Cryptography;
using System.Text;

namespace Moodtunes.Core.Analyses;

/// <summary>
/// The page keeps a random device token; storage only ever sees its SHA-256 hash, so a leaked
/// table or photo key does not reveal a token that could read the device's history.
/// </summary>
public static class DeviceIdentity
{
    /// <summary>At least 128 bits of base64url randomness.</summary>
    public const int MinTokenLength = 22;

    public const int MaxTokenLength = 128;

    public static bool IsWellFormedToken(string? token) =>
        token is { Length: >= MinTokenLength and <= MaxTokenLength } &&
        token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public static bool IsDeviceId(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>The device id stored with analyses: lower-case hex of SHA-256(token), 64 characters.</summary>
    public static DeviceId DeviceIdFor(string token) =>
        new(Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))));

    /// <summary>The device id a stored key names, when it is well-formed (<see cref="IsDeviceId"/>).</summary>
    public static bool TryParse(string? value, out DeviceId id)
    {
        var valid = IsDeviceId(value);
        id = valid ? new DeviceId(value!) : default;
        return valid;
    }
}
