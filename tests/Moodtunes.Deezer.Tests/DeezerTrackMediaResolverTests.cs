using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.Deezer.Tests;

/// <summary>The resolver against a loopback stand-in of Deezer's documented API (see <see cref="FakeDeezer"/>).</summary>
public sealed class DeezerTrackMediaResolverTests : IAsyncLifetime
{
    private static readonly Track GoodDay = new("iu-good-day", "Good Day", "IU", TrackLanguage.Ko, SpotifyLinks.Search("Good Day", "IU"), null);

    private FakeDeezer _deezer = null!;
    private ServiceProvider _services = null!;

    private ITrackMediaResolver Resolver => _services.GetRequiredService<ITrackMediaResolver>();

    public async Task InitializeAsync()
    {
        _deezer = await FakeDeezer.StartAsync();
        _services = Services(_deezer, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _deezer.DisposeAsync();
    }

    [Fact]
    public async Task The_catalog_song_is_found_with_its_page_cover_duration_and_preview()
    {
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(3135556, "Good Day", "IU"));

        var media = await Resolver.FindAsync(GoodDay, CancellationToken.None);

        Assert.NotNull(media);
        Assert.Equal(MusicProvider.Deezer, media.Provider);
        Assert.Equal("3135556", media.ProviderTrackId);
        Assert.Equal("https://www.deezer.com/track/3135556", media.PageUrl);
        Assert.Equal("https://e-cdns-images.dzcdn.net/images/cover/3135556/56x56-000000-80-0-0.jpg", media.CoverSmall);
        Assert.Equal("https://e-cdns-images.dzcdn.net/images/cover/3135556/250x250-000000-80-0-0.jpg", media.CoverMedium);
        Assert.Equal(215, media.DurationSeconds);
        Assert.True(media.HasPreview);
    }

    [Theory]
    [InlineData("Good Day (Live)", "IU")]
    [InlineData("Good Day Remix", "IU")]
    [InlineData("Good Day", "IU Tribute Band")]
    [InlineData("Good Days", "IU")]
    public async Task A_weak_match_is_refused_rather_than_played(string title, string artist)
    {
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(1, title, artist));

        Assert.Null(await Resolver.FindAsync(GoodDay, CancellationToken.None));
    }

    [Theory]
    [InlineData("GOOD DAY", "iu")]
    [InlineData("Good Day (feat. Someone)", "IU")]
    [InlineData("Good Day - Remastered 2011", "IU")]
    [InlineData("Good Day", "아이유")]
    [InlineData("Good Day", "IU feat. Someone")]
    public async Task Case_punctuation_featuring_suffixes_and_hangul_spellings_still_match(string title, string artist)
    {
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(7, title, artist));

        Assert.Equal("7", (await Resolver.FindAsync(GoodDay, CancellationToken.None))?.ProviderTrackId);
    }

    [Fact]
    public async Task The_first_confident_match_wins_over_earlier_weak_ones()
    {
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(1, "Good Day (Inst.)", "IU"), _deezer.AddTrack(2, "Good Day", "IU"));

        Assert.Equal("2", (await Resolver.FindAsync(GoodDay, CancellationToken.None))?.ProviderTrackId);
    }

    [Fact]
    public async Task No_result_is_no_match() => Assert.Null(await Resolver.FindAsync(GoodDay, CancellationToken.None));

    [Fact]
    public async Task A_track_without_a_preview_says_so()
    {
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(9, "Good Day", "IU", withPreview: false));

        Assert.False((await Resolver.FindAsync(GoodDay, CancellationToken.None))!.HasPreview);
        Assert.Null(await Resolver.PreviewUrlAsync("9", CancellationToken.None));
    }

    [Theory]
    [InlineData(FakeDeezer.Failure.Quota)]
    [InlineData(FakeDeezer.Failure.ServerError)]
    [InlineData(FakeDeezer.Failure.TooManyRequests)]
    [InlineData(FakeDeezer.Failure.Malformed)]
    public async Task A_provider_failure_is_a_provider_exception_not_a_miss(FakeDeezer.Failure failure)
    {
        _deezer.FailWith = failure;

        await Assert.ThrowsAsync<TrackProviderException>(() => Resolver.FindAsync(GoodDay, CancellationToken.None));
    }

    [Fact]
    public async Task After_three_failures_in_a_row_the_provider_is_left_alone_for_a_while()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(_deezer, clock);
        var resolver = services.GetRequiredService<ITrackMediaResolver>();
        _deezer.FailWith = FakeDeezer.Failure.ServerError;
        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<TrackProviderException>(() => resolver.FindAsync(GoodDay, CancellationToken.None));
        }

        _deezer.FailWith = FakeDeezer.Failure.None;
        await Assert.ThrowsAsync<TrackProviderException>(() => resolver.FindAsync(GoodDay, CancellationToken.None));
        Assert.Equal(3, _deezer.Requests);

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(await resolver.FindAsync(GoodDay, CancellationToken.None));
        Assert.Equal(4, _deezer.Requests);
    }

    [Fact]
    public async Task A_preview_url_is_fetched_fresh_and_reused_only_while_it_is_valid()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(_deezer, clock);
        var resolver = services.GetRequiredService<ITrackMediaResolver>();
        _deezer.AddTrack(3135556, "Good Day", "IU");

        var first = await resolver.PreviewUrlAsync("3135556", CancellationToken.None);
        var again = await resolver.PreviewUrlAsync("3135556", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(14));
        var later = await resolver.PreviewUrlAsync("3135556", CancellationToken.None);

        Assert.NotNull(first);
        Assert.StartsWith(FakeDeezer.PreviewHost + "/", first.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("hdnea=exp=", first.Query, StringComparison.Ordinal);
        Assert.Same(first, again);
        Assert.NotNull(later);
        Assert.Equal(2, _deezer.Requests);
    }

    [Theory]
    [InlineData("file:///etc")]
    [InlineData("http://127.0.0.1:9")]
    [InlineData("http://cdnt-preview.dzcdn.net")]
    [InlineData("https://attacker.example")]
    [InlineData("https://dzcdn.net.attacker.example")]
    [InlineData("https://attacker-dzcdn.net")]
    public async Task A_preview_url_outside_the_providers_https_preview_hosts_is_never_handed_out(string previewBase)
    {
        _deezer.PreviewBase = previewBase;
        _deezer.AddSearchResult("Good Day", "IU", _deezer.AddTrack(5, "Good Day", "IU"));

        Assert.False((await Resolver.FindAsync(GoodDay, CancellationToken.None))!.HasPreview);
        Assert.Null(await Resolver.PreviewUrlAsync("5", CancellationToken.None));
    }

    [Fact]
    public async Task A_preview_origin_configured_explicitly_is_allowed_and_replaces_the_default()
    {
        _deezer.PreviewBase = "http://127.0.0.1:9";
        _deezer.AddTrack(5, "Good Day", "IU");
        _deezer.AddTrack(6, "Blueming", "IU");
        await using var services = Services(_deezer, TimeProvider.System, previewOrigin: "http://127.0.0.1:9");
        var resolver = services.GetRequiredService<ITrackMediaResolver>();

        Assert.Equal("127.0.0.1", (await resolver.PreviewUrlAsync("5", CancellationToken.None))?.Host);
        _deezer.PreviewBase = FakeDeezer.PreviewHost;
        Assert.Null(await resolver.PreviewUrlAsync("6", CancellationToken.None));
    }

    [Fact]
    public async Task Lookups_over_the_process_budget_fail_fast_without_asking_the_provider_until_it_refills()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = Services(_deezer, clock);
        var resolver = services.GetRequiredService<ITrackMediaResolver>();
        var songs = Enumerable.Range(0, 60).Select(i => GoodDay with { Id = $"song-{i}", Title = $"Song {i}" }).ToList();

        var outcomes = await Task.WhenAll(songs.Select(async song =>
        {
            try
            {
                await resolver.FindAsync(song, CancellationToken.None);
                return true;
            }
            catch (TrackProviderException)
            {
                return false;
            }
        }));

        Assert.Equal(40, _deezer.Requests);
        Assert.Equal(20, outcomes.Count(asked => !asked));

        // Refusing is our own budget, not the provider failing: it is asked again as soon as the budget refills.
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Null(await resolver.FindAsync(GoodDay, CancellationToken.None));
        Assert.Equal(41, _deezer.Requests);
    }

    [Fact]
    public async Task Concurrent_preview_requests_for_one_track_ask_the_provider_once()
    {
        _deezer.AddTrack(3135556, "Good Day", "IU");
        _deezer.Delay = TimeSpan.FromMilliseconds(300);

        var urls = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Resolver.PreviewUrlAsync("3135556", CancellationToken.None)));

        Assert.All(urls, Assert.NotNull);
        Assert.Equal(1, _deezer.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../search")]
    [InlineData("12?x=1")]
    public async Task A_preview_id_that_is_not_a_number_is_refused(string id) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Resolver.PreviewUrlAsync(id, CancellationToken.None));

    [Fact]
    public void Deezer_can_be_switched_off()
    {
        using var services = new ServiceCollection()
            .AddDeezerMedia(new ConfigurationBuilder().AddInMemoryCollection([new("Deezer:Enabled", "false")]).Build())
            .BuildServiceProvider();

        Assert.Empty(services.GetServices<ITrackMediaResolver>());
    }

    internal static ServiceProvider Services(FakeDeezer deezer, TimeProvider clock, string? previewOrigin = null) =>
        new ServiceCollection()
            .AddSingleton(clock)
            .AddDeezerMedia(new ConfigurationBuilder().AddInMemoryCollection(
            [
                new("Deezer:BaseAddress", deezer.BaseAddress.AbsoluteUri),
                new("Deezer:PreviewOrigins:0", previewOrigin),
            ]).Build())
            .BuildServiceProvider();
}
