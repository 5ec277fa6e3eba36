using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>
/// The real local server (all three functions, embedded storage, the page from static-site/) on a free
/// loopback port, and one headless Debian Chromium whose fake camera films the astronaut photo.
/// Shared by the collection; each test isolates itself in a fresh browser context (a new phone).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's build: CI installs it with apt, Playwright's own browser downloads are never used.</summary>
    private const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The server's data (SQLite, photos, signing key) and the fake camera's video.</summary>
    private readonly TemporaryDirectory _work = new();

    private WebApplication? _server;
    private IPlaywright? _playwright;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The server's services, to seed a phone's history straight into its store.</summary>
    public IServiceProvider Services => _server?.Services ?? throw new InvalidOperationException("The server has not started.");

    /// <summary>Where the main screens are saved for people to look at (git-ignored).</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // The whole solution's tests share 2 cores in CI; Playwright's 5 s default is tight under that load.
        Assertions.SetDefaultExpectTimeout(15_000);
        (_server, BaseUrl) = await StartServerAsync(Path.Combine(_work.Path, "data"));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = File.Exists(ChromiumPath)
                ? ChromiumPath
                : throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium"),
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + FakeCamera.WriteMjpeg(TestPhotos.Astronaut, _work.Path),
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        _work.Dispose();
    }

    /// <summary>
    /// A real local server on a free loopback port. The music provider is off unless <paramref name="deezer"/>
    /// names a stand-in: tests reach nothing beyond loopback. <paramref name="previewOrigin"/> is where the stand-in's
    /// previews live, which the server must be told: it hands out only previews on the provider's own hosts.
    /// </summary>
    internal static async Task<(WebApplication Server, Uri Url)> StartServerAsync(string dataDirectory, Uri? deezer = null, string? previewOrigin = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Moodtunes:DataDirectory"] = dataDirectory,
            // The page straight from the repository, so a fix to static-site/ needs no rebuild.
            ["Moodtunes:SiteDirectory"] = Path.Combine(RepositoryPaths.Root, "static-site"),
            ["Deezer:Enabled"] = deezer is null ? "false" : "true",
            ["Deezer:BaseAddress"] = deezer?.AbsoluteUri,
            ["Deezer:PreviewOrigins:0"] = previewOrigin,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var options = builder.AddLocalServer();
        if (deezer is not null)
        {
            // The page's covers and play buttons come from the first list, so it waits for the loopback lookups.
            TrackMediaDeadline.HoldStill(builder.Services);
        }

        var server = builder.Build();
        server.MapLocalServer(options);
        await server.StartAsync();
        // Port 0 lets the OS pick a free port; Kestrel reports the one it bound once started.
        return (server, new Uri(server.Urls.Single()));
    }
}
