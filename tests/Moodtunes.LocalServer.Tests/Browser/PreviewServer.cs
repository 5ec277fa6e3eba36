using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// A loopback stand-in for Deezer's preview host. Playwright's routing never sees the request a redirect
/// leads to (only the first request of a chain is routed), so the preview route's 302 cannot end at a
/// routed https://cdnt-preview.dzcdn.net; it ends here instead, and the test adds this origin to the CSP.
/// </summary>
public sealed class PreviewServer : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>e.g. http://127.0.0.1:41234, no trailing slash.</summary>
    public string Origin { get; private set; } = null!;

    /// <summary>The previews asked for, by file name, in order.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        var wav = TrackMediaRoutes.Wav();
        // Any path: the routed tests ask for /test/{id}.wav, Deezer's stand-in signs /api/…/{id}.mp3 URLs.
        _app.MapGet("/{**path}", (string path) =>
        {
            Requests.Enqueue(path[(path.LastIndexOf('/') + 1)..]);
            // Range answers, as a CDN gives them: Chromium's media loader asks for byte ranges.
            return Results.Bytes(wav, "audio/wav", enableRangeProcessing: true);
        });
        await _app.StartAsync();
        Origin = _app.Urls.Single().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
