using System.Text.Json;
using Microsoft.Playwright;
using Moodtunes.Api;
using static Microsoft.Playwright.Assertions;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>The page installs to the home screen: a manifest with our icons, and a service worker keeping the shell only (issue 17).</summary>
public sealed class InstallTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_manifest_names_the_app_standalone_with_icons_of_the_sizes_it_declares()
    {
        var phone = await OpenPhoneAsync();
        var href = await phone.Page.Locator("link[rel=manifest]").GetAttributeAsync("href");
        var response = await phone.Page.APIRequest.GetAsync("/" + href);
        Assert.Equal("application/manifest+json", response.Headers["content-type"]);

        using var manifest = JsonDocument.Parse(await response.TextAsync());
        var root = manifest.RootElement;
        Assert.Equal("Moodtunes", root.GetProperty("name").GetString());
        Assert.Equal("standalone", root.GetProperty("display").GetString());
        Assert.Equal("./", root.GetProperty("start_url").GetString());
        var icons = root.GetProperty("icons").EnumerateArray().ToList();
        Assert.Contains(icons, i => i.GetProperty("sizes").GetString() == "512x512");
        foreach (var icon in icons.Where(i => i.GetProperty("type").GetString() == "image/png"))
        {
            var size = await phone.Page.EvaluateAsync<int[]>(
                "src => new Promise((ok, fail) => { const img = new Image(); img.onload = () => ok([img.naturalWidth, img.naturalHeight]); img.onerror = fail; img.src = src; })",
                icon.GetProperty("src").GetString());
            var declared = icon.GetProperty("sizes").GetString()!.Split('x').Select(int.Parse);
            Assert.Equal(declared, size);
        }
    }

    [Fact]
    public async Task The_service_worker_caches_the_shell_but_no_api_answer_and_the_page_opens_offline()
    {
        var phone = await OpenPhoneAsync();
        var scope = await phone.Page.EvaluateAsync<string>("async () => (await navigator.serviceWorker.ready).scope");
        Assert.Equal(BaseUrl.ToString(), scope);
        // The page made API calls by now (the saved songs); let one more go through the worker.
        await phone.OpenHistoryAsync();

        var cached = await phone.Page.EvaluateAsync<string[]>(
            "async () => (await Promise.all((await caches.keys()).map(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname)))).flat()");
        Assert.Contains("/", cached);
        Assert.Contains("/js/app.js", cached);
        Assert.Contains("/styles.css", cached);
        Assert.Contains("/manifest.webmanifest", cached);
        Assert.DoesNotContain(cached, path => path.StartsWith(ApiRoutes.Prefix + "/", StringComparison.Ordinal) || path.StartsWith("/local-uploads", StringComparison.Ordinal));

        await phone.Page.GetByTestId("nav-home").ClickAsync();
        await phone.Page.Context.SetOfflineAsync(true);
        await phone.ReloadAsync();

        await Expect(phone.Page.GetByTestId("capture-view")).ToBeVisibleAsync();
        await Expect(phone.Page.GetByRole(AriaRole.Heading, new() { Name = "Take a selfie or choose a photo" })).ToBeVisibleAsync();
    }
}
