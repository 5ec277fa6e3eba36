using System.Text.Json;
using Moodtunes.Core;

namespace Moodtunes.Storage;

/// <summary>
/// How stored JSON documents are written and read: camelCase, enums by their wire names, and any text that is not
/// the document turned into <see cref="InvalidDataException"/>; shared by every stored document.
/// </summary>
internal static class StoredJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize<T>(T document) => JsonSerializer.Serialize(document, Options);

    /// <exception cref="InvalidDataException">The text is not a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"Stored {typeof(T).Name} is null.");
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            throw new InvalidDataException($"Stored {typeof(T).Name} is not valid: {e.Message}", e);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WireNames.ConfigureJson(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
