using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify.Tests;

public sealed class SpotifyTrackLinkResolverTests : IAsyncLifetime
{
    private static readonly Track SpringDay = CatalogTrack("bts-spring-day", "Spring Day", "BTS");
    private static readonly Track Happy = CatalogTrack("pharrell-williams-happy", "Happy", "Pharrell Williams");

    private readonly ManualTimeProvider _time = new();
    private FakeSpotify _spotify = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _spotify = await FakeSpotify.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Spotify:ClientId"] = "client-id",
            ["Spotify:ClientSecret"] = "client-secret",
            ["Spotify:AccountsBaseAddress"] = _spotify.BaseAddress.ToString(),
            ["Spotify:ApiBaseAddress"] = _spotify.BaseAddress.ToString(),
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddSpotifyLinks(configuration)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _spotify.DisposeAsync();
    }

    private ITrackLinkResolver Resolver => _services.GetRequiredService<ITrackLinkResolver>();

    [Fact]
    public async Task The_token_is_requested_once_and_reused_for_every_search()
    {
        await Resolver.ResolveAsync(SpringDay, CancellationToken.None);
        await Resolver.ResolveAsync(Happy, CancellationToken.None);

        Assert.Single(_spotify.TokenRequests);
        Assert.Equal(2, _spotify.ApiRequests.Count);
        Assert.All(_spotify.ApiRequests, r => Assert.Equal("Bearer " + FakeSpotify.AccessToken, r.Authorization));
    }

    [Fact]
    public async Task The_token_request_sends_basic_auth_and_the_client_credentials_grant()
    {
        await Resolver.ResolveAsync(SpringDay, CancellationToken.None);

        var request = Assert.Single(_spotify.TokenRequests);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("client-id:client-secret")), request.Authorization);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
        Assert.Equal("client_credentials", request.GrantType);
    }

    [Fact]
    public async Task An_expired_token_is_replaced()
    {
        await Resolver.ResolveAsync(SpringDay, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(3600));
        await Resolver.ResolveAsync(Happy, CancellationToken.None);

        Assert.Equal(2, _spotify.TokenRequests.Count);
    }

    [Fact]
    public async Task The_search_asks_for_tracks_by_title_and_artist_within_spotifys_limit()
    {
        await Resolver.ResolveAsync(SpringDay, CancellationToken.None);

        var query = Assert.Single(_spotify.ApiRequests).Query!;
        Assert.Equal("track:\"Spring Day\" artist:\"BTS\"", query["q"].ToString());
        Assert.Equal("track", query["type"].ToString());
        Assert.InRange(int.Parse(query["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 10);
    }

    [Fact]
    public void Double_quotes_in_a_title_do_not_break_the_query()
    {
        Assert.Equal("track:\"Say Hi\" artist:\"A\"", SpotifyClient.SearchQuery("Say \"Hi\"", "A"));
    }

    [Fact]
    public async Task The_result_whose_title_and_artist_match_is_linked()
    {
        _spotify.AddSearchResult("Spring Day", "BTS",
            FakeSpotify.TrackJson("4Coverversion00000000a", "Spring Day", "Someone Else"),
            FakeSpotify.TrackJson("4Otherbtssong000000000", "Spring Day (Japanese Ver.) Remix", "BTS"),
            FakeSpotify.TrackJson("0WWz1tsWj3wAhvYmBg2XKX", "spring day", "Halsey", "bts"));

        var resolved = await Resolver.ResolveAsync(SpringDay, CancellationToken.None);

        Assert.Equal("0WWz1tsWj3wAhvYmBg2XKX", resolved.SpotifyTrackId);
        Assert.Equal("https://open.spotify.com/track/0WWz1tsWj3wAhvYmBg2XKX", resolved.Url);
        Assert.Equal(SpringDay with { SpotifyTrackId = resolved.SpotifyTrackId, Url = resolved.Url }, resolved);
    }

    [Fact]
    public async Task A_title_with_a_featuring_suffix_still_matches()
    {
        var uptownFunk = CatalogTrack("mark-ronson-uptown-funk", "Uptown Funk", "Mark Ronson");
        _spotify.AddSearchResult("Uptown Funk", "Mark Ronson", FakeSpotify.TrackJson("32OlwWuMpZ6b0aN2RZOeMS", "Uptown Funk (feat. Bruno Mars)", "Mark Ronson", "Bruno Mars"));

        var resolved = await Resolver.ResolveAsync(uptownFunk, CancellationToken.None);

        Assert.Equal("32OlwWuMpZ6b0aN2RZOeMS", resolved.SpotifyTrackId);
    }

    [Fact]
    public async Task An_exact_title_wins_over_one_with_a_featuring_suffix()
    {
        _spotify.AddSearchResult("Spring Day", "BTS",
            FakeSpotify.TrackJson("4Featuring000000000000", "Spring Day (feat. Someone)", "BTS"),
            FakeSpotify.TrackJson("0WWz1tsWj3wAhvYmBg2XKX", "Spring Day", "BTS"));

        Assert.Equal("0WWz1tsWj3wAhvYmBg2XKX", (await Resolver.ResolveAsync(SpringDay, CancellationToken.None)).SpotifyTrackId);
    }

    [Fact]
    public async Task Another_version_of_the_song_does_not_match()
    {
        _spotify.AddSearchResult("Spring Day", "BTS",
            FakeSpotify.TrackJson("4Japanese0000000000000", "Spring Day (Japanese Ver.)", "BTS"),
            FakeSpotify.TrackJson("4Remix0000000000000000", "Spring Day - Remix", "BTS"));

        Assert.Equal(SpringDay, await Resolver.ResolveAsync(SpringDay, CancellationToken.None));
    }

    [Fact]
    public async Task No_matching_result_keeps_the_search_link()
    {
        _spotify.AddSearchResult("Spring Day", "BTS", FakeSpotify.TrackJson("4Coverversion00000000a", "Spring Days", "BTS"));

        var resolved = await Resolver.ResolveAsync(SpringDay, CancellationToken.None);

        Assert.Equal(SpringDay, resolved);
    }

    [Fact]
    public async Task Answers_are_cached_per_catalog_track()
    {
        _spotify.AddSearchResult("Spring Day", "BTS", FakeSpotify.TrackJson("0WWz1tsWj3wAhvYmBg2XKX", "Spring Day", "BTS"));

        var first = await Resolver.ResolveAsync(SpringDay, CancellationToken.None);
        var second = await Resolver.ResolveAsync(SpringDay, CancellationToken.None);
        await Resolver.ResolveAsync(Happy, CancellationToken.None);
        await Resolver.ResolveAsync(Happy, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(2, _spotify.ApiRequests.Count);
    }

    [Fact]
    public async Task A_track_that_already_has_an_id_is_left_alone()
    {
        var known = SpringDay with { SpotifyTrackId = "0WWz1tsWj3wAhvYmBg2XKX", Url = SpotifyLinks.Track("0WWz1tsWj3wAhvYmBg2XKX") };

        Assert.Equal(known, await Resolver.ResolveAsync(known, CancellationToken.None));
        Assert.Empty(_spotify.TokenRequests);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task A_failing_search_keeps_the_search_link_and_is_tried_again_later(HttpStatusCode status)
    {
        _spotify.SearchFailure = status;
        Assert.Equal(SpringDay, await Resolver.ResolveAsync(SpringDay, CancellationToken.None));

        _spotify.SearchFailure = null;
        _spotify.AddSearchResult("Spring Day", "BTS", FakeSpotify.TrackJson("0WWz1tsWj3wAhvYmBg2XKX", "Spring Day", "BTS"));
        Assert.Equal("0WWz1tsWj3wAhvYmBg2XKX", (await Resolver.ResolveAsync(SpringDay, CancellationToken.None)).SpotifyTrackId);
    }

    [Fact]
    public async Task A_rejected_token_request_keeps_the_search_link()
    {
        _spotify.TokenFailure = HttpStatusCode.BadRequest;

        Assert.Equal(SpringDay, await Resolver.ResolveAsync(SpringDay, CancellationToken.None));
        Assert.Empty(_spotify.ApiRequests);
    }

    [Fact]
    public async Task A_malformed_answer_keeps_the_search_link()
    {
        _spotify.SearchBodyOverride = "{\"tracks\": [";

        Assert.Equal(SpringDay, await Resolver.ResolveAsync(SpringDay, CancellationToken.None));
    }

    [Fact]
    public async Task An_unreachable_spotify_keeps_the_search_link()
    {
        await _spotify.DisposeAsync();

        Assert.Equal(SpringDay, await Resolver.ResolveAsync(SpringDay, CancellationToken.None));
    }

    [Fact]
    public async Task Resolving_a_list_keeps_its_order()
    {
        _spotify.AddSearchResult("Happy", "Pharrell Williams", FakeSpotify.TrackJson("60nZcImufyMA1MKQY3dcCH", "Happy - From \"Despicable Me 2\"", "Pharrell Williams"));

        var resolved = await Resolver.ResolveAllAsync([SpringDay, Happy], CancellationToken.None);

        Assert.Equal([SpringDay.Id, Happy.Id], resolved.Select(t => t.Id));
        Assert.Null(resolved[0].SpotifyTrackId);
        Assert.Equal("60nZcImufyMA1MKQY3dcCH", resolved[1].SpotifyTrackId);
    }

    [Fact]
    public async Task Search_refuses_more_than_ten_results()
    {
        var client = _services.GetRequiredService<SpotifyClient>();
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.SearchTracksAsync("Spring Day", "BTS", 11, CancellationToken.None));
    }

    private static Track CatalogTrack(string id, string title, string artist) =>
        new(id, title, artist, TrackLanguage.En, SpotifyLinks.Search(title, artist), null);
}
