using Moodtunes.Api.Tracks;
using Moodtunes.Testing.InMemory;

namespace Moodtunes.Api.Tests.Tracks;

public sealed class TrackPreviewServiceTests : IDisposable
{
    private static readonly Uri Preview = new("https://cdns-preview-e.dzcdn.net/stream/c-e77d23e0c8ed7567a507a6d1b6a9ca1b-11.mp3");

    private readonly InMemoryApplication _app = new();

    public void Dispose() => _app.Dispose();

    private string CatalogId => _app.Catalog.Tracks[0].Track.Id;

    [Fact]
    public async Task A_catalog_song_the_provider_has_plays_the_providers_fresh_preview()
    {
        _app.Provider.Knows(CatalogId, "3135556", Preview);

        Assert.Equal(new PreviewOutcome.Found(Preview), await _app.Previews.FreshAsync(CatalogId, CancellationToken.None));
    }

    [Fact]
    public async Task A_song_the_provider_has_without_a_preview_has_none()
    {
        _app.Provider.Knows(CatalogId, "42");

        Assert.IsType<PreviewOutcome.None>(await _app.Previews.FreshAsync(CatalogId, CancellationToken.None));
    }

    [Fact]
    public async Task An_id_not_in_the_catalog_has_no_preview_and_the_provider_is_not_asked()
    {
        Assert.IsType<PreviewOutcome.None>(await _app.Previews.FreshAsync("no-such-song", CancellationToken.None));

        Assert.Equal(0, _app.Provider.Finds);
    }

    [Fact]
    public async Task A_provider_that_is_down_reads_as_unavailable_not_as_no_preview()
    {
        _app.Provider.Knows(CatalogId, "3135556", Preview);
        _app.Provider.Down = true;

        Assert.IsType<PreviewOutcome.ProviderUnavailable>(await _app.Previews.FreshAsync(CatalogId, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_provider_there_is_no_preview_and_no_outage()
    {
        using var offline = new InMemoryApplication(withProvider: false);

        Assert.IsType<PreviewOutcome.None>(await offline.Previews.FreshAsync(offline.Catalog.Tracks[0].Track.Id, CancellationToken.None));
    }
}
