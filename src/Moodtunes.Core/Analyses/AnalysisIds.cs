using System.Security.Cryptography;

namespace Moodtunes.Core.Analyses;

/// <summary>
/// ULID-style ids: 48 bits of milliseconds then 80 random bits, in Crockford base32 (26 characters),
/// so ids sort by creation time (newest-first history) and cannot be guessed.
/// </summary>
public static class AnalysisIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 26;

    public static AnalysisId New(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        WriteTime(bytes, now);
        RandomNumberGenerator.Fill(bytes[6..]);
        return new AnalysisId(Encode(bytes));
    }

    /// <summary>The smallest id of <paramref name="time"/>'s millisecond: every id made then or later sorts at or above it.</summary>
    public static string LowerBound(DateTimeOffset time)
    {
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        WriteTime(bytes, time < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : time);
        return Encode(bytes);
    }

    private static void WriteTime(Span<byte> bytes, DateTimeOffset time)
    {
        var millis = (ulong)time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(millis >> (8 * (5 - i)));
        }
    }

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var value = new UInt128(
            ((ulong)bytes[0] << 56) | ((ulong)bytes[1] << 48) | ((ulong)bytes[2] << 40) | ((ulong)bytes[3] << 32) |
            ((ulong)bytes[4] << 24) | ((ulong)bytes[5] << 16) | ((ulong)bytes[6] << 8) | bytes[7],
            ((ulong)bytes[8] << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32) |
            ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15]);

        Span<char> chars = stackalloc char[Length];
        for (var i = Length - 1; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }

        return new string(chars);
    }

    /// <summary>True for a well-formed id; everything else is rejected before it reaches storage.</summary>
    public static bool IsValid(string? id) =>
        id is { Length: Length } && id[0] <= '7' && id.All(c => Alphabet.Contains(c, StringComparison.Ordinal));

    /// <summary>The id a wire or key string names, when it is well-formed (<see cref="IsValid"/>).</summary>
    public static bool TryParse(string? value, out AnalysisId id)
    {
        var valid = IsValid(value);
        id = valid ? new AnalysisId(value!) : default;
        return valid;
    }
}
