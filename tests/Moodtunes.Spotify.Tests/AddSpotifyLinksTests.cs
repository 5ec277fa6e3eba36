using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Spotify.Tests;

public sealed class AddSpotifyLinksTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("client-id", null)]
    [InlineData(null, "client-secret")]
    [InlineData("client-id", " ")]
    public void Without_both_credentials_tracks_keep_their_search_links(string? clientId, string? clientSecret)
    {
        using var services = Build(new() { ["Spotify:ClientId"] = clientId, ["Spotify:ClientSecret"] = clientSecret });

        Assert.IsType<PassThroughTrackLinkResolver>(services.GetRequiredService<ITrackLinkResolver>());
    }

    [Fact]
    public void With_both_credentials_the_spotify_resolver_is_used_against_spotifys_own_addresses()
    {
        using var services = Build(new() { ["Spotify:ClientId"] = "id", ["Spotify:ClientSecret"] = "secret" });

        Assert.IsType<SpotifyTrackLinkResolver>(services.GetRequiredService<ITrackLinkResolver>());
        var factory = services.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(new Uri("https://accounts.spotify.com/"), factory.CreateClient(SpotifyClient.AccountsClientName).BaseAddress);
        Assert.Equal(new Uri("https://api.spotify.com/"), factory.CreateClient(SpotifyClient.ApiClientName).BaseAddress);
    }

    [Fact]
    public void A_configured_base_address_gets_the_trailing_slash_relative_paths_need()
    {
        using var services = Build(new()
        {
            ["Spotify:ClientId"] = "id",
            ["Spotify:ClientSecret"] = "secret",
            ["Spotify:ApiBaseAddress"] = "http://127.0.0.1:5000/spotify",
        });

        var client = services.GetRequiredService<IHttpClientFactory>().CreateClient(SpotifyClient.ApiClientName);
        Assert.Equal(new Uri("http://127.0.0.1:5000/spotify/"), client.BaseAddress);
    }

    [Fact]
    public async Task The_pass_through_returns_the_track_unchanged()
    {
        var track = new Track("x", "Title", "Artist", TrackLanguage.En, SpotifyLinks.Search("Title", "Artist"), null);
        Assert.Same(track, await new PassThroughTrackLinkResolver().ResolveAsync(track, CancellationToken.None));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddSpotifyLinks(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
