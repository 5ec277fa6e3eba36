using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage.ContractTests;

/// <summary>
/// What every <see cref="ITrackMediaCache"/> must do. A derived class supplies a cache that reads the time from
/// <see cref="Clock"/>; every test uses fresh catalog ids, so caches may be shared.
/// </summary>
public abstract class TrackMediaCacheContract
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected ManualClock Clock { get; } = new(TestAnalyses.Start);

    protected abstract ITrackMediaCache Cache { get; }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_stored_track_reads_back_with_every_field(bool withCoversDurationAndPreview)
    {
        var id = NewCatalogId();
        var entry = Positive(withCoversDurationAndPreview ? TestTrackMedia.Full : TestTrackMedia.Bare);

        await Cache.PutAsync(id, entry, None);

        Assert.Equal(entry, await GetAsync(id));
    }

    [Fact]
    public async Task A_miss_reads_back_as_a_miss()
    {
        var id = NewCatalogId();
        var miss = Miss();

        await Cache.PutAsync(id, miss, None);

        Assert.Equal(miss, await GetAsync(id));
    }

    [Fact]
    public async Task Putting_again_replaces_the_entry()
    {
        var id = NewCatalogId();
        await Cache.PutAsync(id, Miss(), None);
        var found = Positive(TestTrackMedia.Full);

        await Cache.PutAsync(id, found, None);
        Assert.Equal(found, await GetAsync(id));

        var missAgain = Miss() with { ExpiresAt = found.ExpiresAt.AddDays(1) };
        await Cache.PutAsync(id, missAgain, None);
        Assert.Equal(missAgain, await GetAsync(id));
    }

    [Fact]
    public async Task An_entry_reads_as_absent_from_its_expiry_on()
    {
        var id = NewCatalogId();
        var entry = Miss();
        await Cache.PutAsync(id, entry, None);

        Clock.Advance(entry.ExpiresAt - Clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        Assert.Equal(entry, await GetAsync(id));

        Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await GetAsync(id));
    }

    [Fact]
    public async Task Putting_over_an_expired_entry_stores_the_new_one()
    {
        var id = NewCatalogId();
        await Cache.PutAsync(id, Miss(), None);
        Clock.Advance(TestTrackMedia.MissLifetime);

        var renewed = Positive(TestTrackMedia.Full);
        await Cache.PutAsync(id, renewed, None);

        Assert.Equal(renewed, await GetAsync(id));
    }

    [Fact]
    public async Task Expiry_is_kept_to_whole_seconds()
    {
        var id = NewCatalogId();
        var whole = Miss();

        await Cache.PutAsync(id, whole with { ExpiresAt = whole.ExpiresAt.AddMilliseconds(750) }, None);

        Assert.Equal(whole, await GetAsync(id));
    }

    [Fact]
    public async Task Unknown_ids_are_missing_from_the_result()
    {
        var stored = NewCatalogId();
        await Cache.PutAsync(stored, Miss(), None);

        var found = await Cache.GetManyAsync([NewCatalogId(), stored, NewCatalogId()], None);

        Assert.Equal([stored], found.Keys);
    }

    [Fact]
    public async Task No_ids_give_an_empty_result() => Assert.Empty(await Cache.GetManyAsync([], None));

    [Fact]
    public async Task Many_ids_read_in_one_call_return_each_unexpired_entry()
    {
        // More than DynamoDB's 100 keys per BatchGetItem, so the cache must split them.
        var ids = Enumerable.Range(0, 130).Select(_ => NewCatalogId()).ToList();
        var expected = new Dictionary<string, CachedTrackMedia>();
        for (var i = 0; i < ids.Count; i++)
        {
            // Every third id is never stored, and every fifth stored one has expired by the read.
            if (i % 3 == 0)
            {
                continue;
            }

            var expires = i % 5 == 0;
            var entry = expires
                ? Miss() with { ExpiresAt = TestTrackMedia.Whole(Clock.GetUtcNow()).AddSeconds(1) }
                : Positive(TestTrackMedia.Full with { ProviderTrackId = $"{i}" });
            await Cache.PutAsync(ids[i], entry, None);
            if (!expires)
            {
                expected[ids[i]] = entry;
            }
        }

        Clock.Advance(TimeSpan.FromSeconds(1));
        var found = await Cache.GetManyAsync(ids, None);

        Assert.Equal(expected.OrderBy(e => e.Key, StringComparer.Ordinal), found.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_id_asked_for_twice_is_answered_once()
    {
        var id = NewCatalogId();
        var entry = Positive(TestTrackMedia.Full);
        await Cache.PutAsync(id, entry, None);

        var found = await Cache.GetManyAsync([id, id], None);

        var (key, value) = Assert.Single(found);
        Assert.Equal((id, entry), (key, value));
    }

    [Fact]
    public async Task Catalog_ids_are_opaque_keys()
    {
        // Slugs as the catalog writes them, and characters a store must not treat as separators or escape.
        var suffix = NewCatalogId();
        var ids = new[] { "iu-through-the-night", "ac#dc", "ac", "track#media", "아이유-밤편지", "🎵 with space", "a/b\\c'\"%_" }
            .Select(id => $"{suffix}-{id}")
            .ToList();
        for (var i = 0; i < ids.Count; i++)
        {
            await Cache.PutAsync(ids[i], Positive(TestTrackMedia.Full with { ProviderTrackId = $"{i}" }), None);
        }

        var found = await Cache.GetManyAsync(ids, None);

        Assert.Equal(ids.Select((_, i) => $"{i}"), ids.Select(id => found[id].Media?.ProviderTrackId));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task An_empty_catalog_id_cannot_be_stored(string? id) =>
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Cache.PutAsync(id!, Miss(), None));

    private static string NewCatalogId() => $"song-{Guid.NewGuid():N}";

    private async Task<CachedTrackMedia?> GetAsync(string id) =>
        (await Cache.GetManyAsync([id], None)).GetValueOrDefault(id);

    private CachedTrackMedia Positive(TrackMedia media) => new(media, TestTrackMedia.Whole(Clock.GetUtcNow()) + TestTrackMedia.FoundLifetime);

    private CachedTrackMedia Miss() => new(null, TestTrackMedia.Whole(Clock.GetUtcNow()) + TestTrackMedia.MissLifetime);
}
