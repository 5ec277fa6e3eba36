using System.Net;
using System.Text.RegularExpressions;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Api.Page;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The page takes the server's facts from <c>js/facts.js</c>, rendered from their homes and served next to it.</summary>
public sealed partial class PageFactsTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    [Fact]
    public async Task The_local_server_serves_the_facts_module_beside_the_page_and_revalidates_it()
    {
        using var client = server.CreateClient();

        using var response = await client.GetAsync("/" + PageFacts.FileName);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal(PageFacts.Module, await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Root, "static-site", PageFacts.FileName)), "a copy of the facts in static-site/ would go stale");
    }

    [Fact]
    public void The_module_carries_each_fact_from_its_home()
    {
        var module = PageFacts.Module;

        Assert.Contains($"export const retentionDays = {AnalysisRetention.Days};", module, StringComparison.Ordinal);
        Assert.Contains($"\"minLength\":{DeviceIdentity.MinTokenLength},\"maxLength\":{DeviceIdentity.MaxTokenLength}", module, StringComparison.Ordinal);
        Assert.Contains($"\"header\":\"{DeviceTokens.HeaderName}\"", module, StringComparison.Ordinal);
        Assert.Contains($"\"analysisTracks\":\"{ApiRoutes.AnalysisTracks}\"", module, StringComparison.Ordinal);
        Assert.Contains($"\"savedSong\":\"{ApiRoutes.SavedSong}\"", module, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiRoutes.Events, module, StringComparison.Ordinal);
        Assert.Contains($"export const emotions = Object.freeze([{string.Join(',', Enum.GetValues<Emotion>().Select(e => $"\"{e.ToWire()}\""))}]);", module, StringComparison.Ordinal);
        Assert.Contains($"export const sadnessChoices = Object.freeze({{\"match\":\"{SadnessChoice.Match.ToWire()}\",\"cheerUp\":\"{SadnessChoice.CheerUp.ToWire()}\"}});", module, StringComparison.Ordinal);
        foreach (var code in Enum.GetValues<ProblemCode>().Select(c => c.ToWire()).Concat(Enum.GetValues<FailureCode>().Select(c => c.ToWire())))
        {
            Assert.Contains($"\"{code}\"", module, StringComparison.Ordinal);
        }
    }

    /// <summary>The wire names are the contract: docs/api.md's table of problem codes is exactly the enum's.</summary>
    [Fact]
    public void Every_problem_code_is_documented_under_its_wire_name_and_every_documented_code_exists()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "api.md"));
        var section = docs[docs.IndexOf("## Problem codes", StringComparison.Ordinal)..];
        var rows = section[section.IndexOf("| --- |", StringComparison.Ordinal)..];
        var table = rows[..rows.IndexOf("\n\n", StringComparison.Ordinal)];

        var documented = DocumentedCode().Matches(table).Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal);

        Assert.Equal(Enum.GetValues<ProblemCode>().Select(c => c.ToWire()).Order(StringComparer.Ordinal), documented);
    }

    [GeneratedRegex(@"^\| `([a-z0-9-]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocumentedCode();
}
