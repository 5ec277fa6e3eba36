using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Moodtunes.Api;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>Headers on every answer: the page's own CSP (plus no framing), no sniffing, no referrer leaks, HSTS over https only.</summary>
public sealed partial class SecurityHeaderTests(LocalServerFactory server) : IClassFixture<LocalServerFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData(ApiRoutes.History)]
    [InlineData("/qr.svg")]
    public async Task Every_answer_carries_the_pages_csp_with_frame_ancestors_none_nosniff_and_a_referrer_policy(string path)
    {
        using var client = server.CreateClient();
        var page = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Root, "static-site", "index.html"));
        var pageCsp = CspMeta().Match(page).Groups[1].Value;

        using var response = await client.GetAsync(path);

        Assert.Equal($"{pageCsp}; frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Https_answers_ask_browsers_to_stay_on_https()
    {
        using var client = server.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });

        using var response = await client.GetAsync("/");

        Assert.StartsWith("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">")]
    private static partial Regex CspMeta();
}
