using System.Reflection;
using System.Text;
using System.Text.Json;
using Moodtunes.Api.History;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Page;

/// <summary>
/// The facts the page needs from the server (API paths, how long results are kept, the history's page size, the
/// device token, the emotions and moods, every code it may be sent), rendered from their one home each as a small ES module that
/// sits next to the page as <see cref="FileName"/>: the local server serves it, the CDK app deploys the same text.
/// </summary>
public static class PageFacts
{
    /// <summary>Where the page imports it from, relative to the page's root (no such file in static-site/).</summary>
    public const string FileName = "js/facts.js";

    public const string ContentType = "text/javascript; charset=utf-8";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static string Module { get; } = Render();

    private static string Render()
    {
        var text = new StringBuilder()
            .AppendLine("// The server's facts for the page, rendered by Moodtunes.Api's PageFacts from their one home each: never edit a copy.")
            .AppendLine(Export("routes", Routes()))
            .AppendLine(Export("retentionDays", AnalysisRetention.Days))
            .AppendLine(Export("historyPageSize", HistoryService.DefaultPageSize))
            .AppendLine(Export("token", new { Header = DeviceTokens.HeaderName, MinLength = DeviceIdentity.MinTokenLength, MaxLength = DeviceIdentity.MaxTokenLength }))
            .AppendLine(Export("emotions", WireNamesOf<Emotion>()))
            .AppendLine(Export("moods", WireNamesOf<Mood>()))
            .AppendLine(Export("sadnessChoices", ByName<SadnessChoice>()))
            .AppendLine(Export("codes", Codes()));
        return text.ToString();
    }

    private static string Export(string name, object value) =>
        value is int or string
            ? $"export const {name} = {JsonSerializer.Serialize(value, Json)};"
            : $"export const {name} = Object.freeze({JsonSerializer.Serialize(value, Json)});";

    private static string[] WireNamesOf<TEnum>()
        where TEnum : struct, Enum => [.. Enum.GetValues<TEnum>().Select(v => v.ToWire())];

    /// <summary>Each value's wire name by its camelCase name (<c>cheerUp: "cheer-up"</c>), for a page that picks one by name.</summary>
    private static Dictionary<string, string> ByName<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().ToDictionary(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString()), v => v.ToWire());

    /// <summary>Every public path of <see cref="ApiRoutes"/> (templates keep their <c>{name}</c> holes), by camelCase name.</summary>
    private static Dictionary<string, string> Routes() =>
        typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (Name: JsonNamingPolicy.CamelCase.ConvertName(f.Name), Path: (string)f.GetRawConstantValue()!))
            .Where(r => r.Path.StartsWith(ApiRoutes.Prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Name, r => r.Path);

    /// <summary>Every analysis failure and problem code by camelCase name (a name in both, such as file-too-large, is one code).</summary>
    private static Dictionary<string, string> Codes() =>
        Enum.GetValues<FailureCode>().Select(c => (Name: c.ToString(), Wire: c.ToWire()))
            .Concat(Enum.GetValues<ProblemCode>().Select(c => (Name: c.ToString(), Wire: c.ToWire())))
            .DistinctBy(c => c.Wire)
            .ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Name), c => c.Wire);
}
