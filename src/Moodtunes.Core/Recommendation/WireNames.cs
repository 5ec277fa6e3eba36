namespace Moodtunes.Core.Recommendation;

/// <summary>Parses an enum from its wire name, so each enum keeps its names in one place (its ToWire).</summary>
internal static class WireNames
{
    public static bool TryParse<TEnum>(string? value, Func<TEnum, string> toWire, out TEnum result)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(toWire(candidate), value, StringComparison.OrdinalIgnoreCase))
            {
                result = candidate;
                return true;
            }
        }

        result = default;
        return false;
    }
}
