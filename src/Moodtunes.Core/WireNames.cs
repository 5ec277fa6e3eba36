using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moodtunes.Core;

/// <summary>
/// The one way enums are named outside the process: kebab-case (no-face, morning-coffee, cheer-up),
/// the same in the HTTP API, in stored documents and in catalog.json.
/// </summary>
public static class WireNames
{
    private static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static string ToWire<TEnum>(this TEnum value)
        where TEnum : struct, Enum => Policy.ConvertName(value.ToString());

    /// <summary>Parses a wire name (ignoring case); numbers and C# names are refused.</summary>
    public static bool TryParse<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum
    {
        if (value is not null && ByWireName<TEnum>.Values.TryGetValue(value, out result))
        {
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>camelCase properties and wire-named enums (values and dictionary keys), never enum numbers.</summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(Policy, allowIntegerValues: false));
    }

    /// <summary>Each enum's wire names, made once: the mood timeline parses thousands of stored emotions per request.</summary>
    private static class ByWireName<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, TEnum> Values =
            Enum.GetValues<TEnum>().DistinctBy(v => v.ToWire(), StringComparer.OrdinalIgnoreCase).ToDictionary(v => v.ToWire(), StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
