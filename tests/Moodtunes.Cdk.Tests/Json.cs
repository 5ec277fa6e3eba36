using System.Text.Json;
using Amazon.CDK.Assertions;

namespace Moodtunes.Cdk.Tests;

/// <summary>Expected template fragments are written as JSON, the way CloudFormation shows them.</summary>
internal static class Json
{
    public static void Equal(string expectedJson, JsonElement actual)
    {
        using var expected = JsonDocument.Parse(expectedJson);
        Assert.True(
            JsonElement.DeepEquals(expected.RootElement, actual),
            $"Expected {JsonSerializer.Serialize(expected.RootElement)}{Environment.NewLine}but got  {JsonSerializer.Serialize(actual)}");
    }

    /// <summary>Converts JSON into the dictionaries and arrays the CDK assertion matchers take.</summary>
    public static object ToJsii(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    /// <summary>A CDK matcher for an object that has at least these properties.</summary>
    public static Matcher Like(string json) => Match.ObjectLike((IDictionary<string, object>)ToJsii(json));

    private static object Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => Convert(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new NotSupportedException($"{element.ValueKind} has no place in an expected template fragment"),
    };
}
