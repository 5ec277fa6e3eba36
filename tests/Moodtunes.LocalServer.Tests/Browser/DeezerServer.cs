using Microsoft.AspNetCore.Builder;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// A second real local server whose music provider is Deezer's loopback stand-in (<see cref="FakeDeezer"/>, every
/// catalog song known), its signed preview URLs pointing at the <see cref="PreviewServer"/>: the whole chain from
/// the analysis to the sound runs through our code, with nothing routed but the page's CSP and the covers.
/// </summary>
public sealed class DeezerServer : IAsyncLifetime
{
    private readonly TemporaryDirectory _data = new();
    private WebApplication? _server;

    public PreviewServer Previews { get; } = new();

    public FakeDeezer Deezer { get; private set; } = null!;

    public Uri Url { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Previews.InitializeAsync();
        Deezer = await FakeDeezer.StartAsync();
        Deezer.PreviewBase = Previews.Origin;
        foreach (var (entry, i) in TrackCatalog.Default.Tracks.Select((t, i) => (t.Track, i)))
        {
            Deezer.AddSearchResult(entry.Title, entry.Artist, Deezer.AddTrack(1000 + i, entry.Title, entry.Artist));
        }

        (_server, Url) = await BrowserFixture.StartServerAsync(_data.Path, Deezer.BaseAddress, Previews.Origin);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.StopAsync();
            await _server.DisposeAsync();
        }

        await Deezer.DisposeAsync();
        await Previews.DisposeAsync();
        _data.Dispose();
    }
}
