using System.Text.Json;
using System.Text.Json.Serialization;

namespace Moodtunes.Core.Analyses;

/// <summary>
/// The one JSON shape in which every store keeps an analysis's Result, Failure and Tracks, so a record
/// written by one store version (or one backend) reads back identically in another.
/// </summary>
public static class AnalysisJson
{
    /// <summary>camelCase names and kebab-case enum names ("no-face"), matching the HTTP API's wire names.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <exception cref="JsonException">The stored text is not a valid <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Stored {typeof(T).Name} is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
