using System.Reflection;
using System.Text.RegularExpressions;
using Moodtunes.Api;
using Moodtunes.Api.History;
using Moodtunes.Api.Http;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>
/// Each fact has one home: the code the product is made of is scanned for a fact's literal value outside it, so a copy
/// fails here instead of drifting (the page takes these from the server's js/facts.js). Comments count only where they
/// quote the value as code would, or name a number.
/// </summary>
public sealed class FactHomesTests
{
    /// <summary>The folders scanned: the application and its hosts, the page, and the CDK app.</summary>
    public static readonly IReadOnlyList<string> ScannedFolders = ["src", "static-site", "infra/cdk"];

    private static readonly string[] CodeExtensions = [".cs", ".js", ".html", ".css"];

    private static readonly string[] Skipped = ["bin", "obj", "node_modules"];

    private static readonly IReadOnlyList<Fact> Facts =
    [
        new(
            "API paths",
            "src/Moodtunes.Api/ApiRoutes.cs",
            $"apiFetch(`{ApiRoutes.History}?${{q}}`)",
            [.. ApiPaths().SelectMany(path => new[] { Quoted(path), new Regex(Regex.Escape(path.Replace("/", @"\/", StringComparison.Ordinal)) + @"(?![\w-])") })]),
        new(
            "how long analyses are kept",
            "src/Moodtunes.Core/Analyses/AnalysisRetention.cs",
            $"'(결과는 {AnalysisRetention.Days}일 동안만 보관됩니다)'",
            [new Regex($@"FromDays\(\s*{AnalysisRetention.Days}\s*\)"), new Regex($@"\b{AnalysisRetention.Days}(?:[ -]?days?\b|일)")],
            new Dictionary<string, string>
            {
                // A cached cover or preview page lives as long by coincidence: changing one must not change the other.
                ["src/Moodtunes.Core/Recommendation/TrackMediaEnricher.cs"] = "the media cache's own lifetime",
            }),
        new(
            "the device token's length",
            "src/Moodtunes.Core/Analyses/DeviceIdentity.cs",
            $"/^[A-Za-z0-9_-]{{{DeviceIdentity.MinTokenLength},{DeviceIdentity.MaxTokenLength}}}$/",
            [new Regex($@"\b{DeviceIdentity.MinTokenLength}\b\D{{1,4}}\b{DeviceIdentity.MaxTokenLength}\b")]),
        new(
            "the device token's header",
            "src/Moodtunes.Api/Http/DeviceTokens.cs",
            $"headers['{DeviceTokens.HeaderName}'] = token",
            [Quoted(DeviceTokens.HeaderName)]),
        new(
            "the history's page size",
            "src/Moodtunes.Api/History/HistoryService.cs",
            $"const PAGE_SIZE = {HistoryService.DefaultPageSize};",
            [new Regex($@"(?i)(page_?size|limit)\s*[=:]\s*{HistoryService.DefaultPageSize}\b")]),
        new(
            "problem and failure codes",
            "src/Moodtunes.Api/Http/ProblemCode.cs",
            $"err.code === '{ProblemCode.SavedSongsFull.ToWire()}'",
            [.. Enum.GetValues<ProblemCode>().Select(c => c.ToWire()).Concat(Enum.GetValues<FailureCode>().Select(c => c.ToWire())).Distinct().Select(code => new Regex($@"(?<=[""'`]){Regex.Escape(code)}(?=[""'`])"))]),
    ];

    public static TheoryData<string> FactNames => [.. Facts.Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(FactNames))]
    public void A_fact_is_written_only_in_its_home(string name)
    {
        var fact = Facts.Single(f => f.Name == name);

        var copies = CodeFiles()
            .Where(file => file.Path != fact.Home && !(fact.Allowed?.ContainsKey(file.Path) ?? false))
            .SelectMany(file => file.Lines.Select((line, i) => (file.Path, Line: i + 1, Text: line.Trim())))
            .Where(line => fact.Copies.Any(copy => copy.IsMatch(line.Text)))
            .Select(line => $"{line.Path}:{line.Line}: {line.Text}")
            .ToList();

        Assert.True(copies.Count == 0, $"{name} has its home in {fact.Home}; take it from there instead of:\n{string.Join('\n', copies)}");
    }

    [Theory]
    [MemberData(nameof(FactNames))]
    public void The_scan_of_a_fact_catches_a_copy_written_as_code_would(string name)
    {
        var fact = Facts.Single(f => f.Name == name);

        Assert.Contains(fact.Copies, copy => copy.IsMatch(fact.Example));
    }

    private static IEnumerable<string> ApiPaths() =>
        typeof(ApiRoutes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => ((string)f.GetRawConstantValue()!).Split('{')[0].TrimEnd('/'))
            .Distinct();

    /// <summary>A value written as a string literal (any quote), not as part of a longer one.</summary>
    private static Regex Quoted(string value) => new($@"(?<=[""'`]){Regex.Escape(value)}(?![\w-])");

    private static IEnumerable<(string Path, string[] Lines)> CodeFiles() =>
        ScannedFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, folder), "*", SearchOption.AllDirectories))
            .Select(file => Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'))
            .Where(path => CodeExtensions.Contains(Path.GetExtension(path)) && !path.Split('/').Intersect(Skipped).Any())
            .Select(path => (path, File.ReadAllLines(Path.Combine(RepositoryPaths.Root, path))));

    private sealed record Fact(string Name, string Home, string Example, IReadOnlyList<Regex> Copies, IReadOnlyDictionary<string, string>? Allowed = null);
}
