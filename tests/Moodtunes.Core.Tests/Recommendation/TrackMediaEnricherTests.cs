using System.Collections.Concurrent;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

/// <summary>Lists store what they looked up; a preview (a GET) reads the cache and the provider and stores nothing.</summary>
public sealed class TrackMediaEnricherTests
{
    private static readonly Track Song = new("song", "Song", "Artist", TrackLanguage.En, SpotifyLinks.Search("Song", "Artist"), null);

    private static readonly TrackMedia Found = new(MusicProvider.Deezer, "42", "https://www.deezer.com/track/42", null, null, 30, HasPreview: true);

    private readonly MemoryCache _cache = new();
    private readonly CountingProvider _provider = new();

    [Fact]
    public async Task A_list_looks_a_song_up_once_and_stores_it_for_the_next_list()
    {
        var enricher = new TrackMediaEnricher(_cache, TimeProvider.System, _provider);

        var list = await enricher.WithMediaAsync([Song], CancellationToken.None);
        var stored = await _cache.Stored.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var next = await enricher.WithMediaAsync([Song], CancellationToken.None);

        Assert.Equal(Found, list.Single().Media);
        Assert.Equal(Found, stored.Media);
        Assert.Equal(Found, next.Single().Media);
        Assert.Equal(1, _provider.Finds);
    }

    [Fact]
    public async Task A_preview_of_a_song_a_list_stored_asks_the_provider_for_its_url_alone()
    {
        await _cache.PutAsync(Song.Id, new CachedTrackMedia(Found, DateTimeOffset.MaxValue), CancellationToken.None);
        var enricher = new TrackMediaEnricher(_cache, TimeProvider.System, _provider);

        var url = await enricher.PreviewUrlAsync(Song, CancellationToken.None);

        Assert.Equal(new Uri("https://cdnt-preview.dzcdn.net/42.mp3"), url);
        Assert.Equal((0, 1), (_provider.Finds, _provider.PreviewUrls));
    }

    [Fact]
    public async Task A_preview_of_a_song_no_list_stored_asks_the_provider_and_stores_nothing()
    {
        var enricher = new TrackMediaEnricher(_cache, TimeProvider.System, _provider);

        var url = await enricher.PreviewUrlAsync(Song, CancellationToken.None);

        Assert.NotNull(url);
        Assert.Equal(1, _provider.Finds);
        Assert.Equal(0, _cache.Puts);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_asked_is_an_outage_for_the_preview()
    {
        _provider.Down = true;
        var enricher = new TrackMediaEnricher(_cache, TimeProvider.System, _provider);

        await Assert.ThrowsAsync<TrackProviderException>(() => enricher.PreviewUrlAsync(Song, CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_provider_lists_go_out_as_picked_and_nothing_has_a_preview()
    {
        var enricher = new TrackMediaEnricher(_cache, TimeProvider.System);

        Assert.Same(Song, (await enricher.WithMediaAsync([Song], CancellationToken.None)).Single());
        Assert.Null(await enricher.PreviewUrlAsync(Song, CancellationToken.None));
        Assert.Equal(0, _cache.Puts);
    }

    private sealed class MemoryCache : ITrackMediaCache
    {
        private readonly ConcurrentDictionary<string, CachedTrackMedia> _entries = new();

        public TaskCompletionSource<CachedTrackMedia> Stored { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Puts => _entries.Count;

        public Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, CachedTrackMedia>>(
                catalogIds.Where(_entries.ContainsKey).ToDictionary(id => id, id => _entries[id]));

        public Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken)
        {
            _entries[catalogId] = entry;
            Stored.TrySetResult(entry);
            return Task.CompletedTask;
        }
    }

    private sealed class CountingProvider : ITrackMediaResolver
    {
        private int _finds;
        private int _previewUrls;

        public bool Down { get; set; }

        public int Finds => _finds;

        public int PreviewUrls => _previewUrls;

        public MusicProvider Provider => MusicProvider.Deezer;

        public Task<TrackMedia?> FindAsync(Track track, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _finds);
            return Down ? throw new TrackProviderException("down") : Task.FromResult<TrackMedia?>(Found);
        }

        public Task<Uri?> PreviewUrlAsync(string providerTrackId, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _previewUrls);
            return Task.FromResult<Uri?>(new Uri($"https://cdnt-preview.dzcdn.net/{providerTrackId}.mp3"));
        }
    }
}
