using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
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
    public void The_timeout_reaches_both_clients()
    {
        using var services = Build(new() { ["Spotify:Timeout"] = "00:00:02" });

        var factory = services.GetRequiredService<IHttpClientFactory>();
        Assert.Equal(TimeSpan.FromSeconds(2), factory.CreateClient(SpotifyClient.AccountsClientName).Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), factory.CreateClient(SpotifyClient.ApiClientName).Timeout);
    }

    [Theory]
    [InlineData("Spotify:Timeout", "00:00:00")]
    [InlineData("Spotify:ApiBaseAddress", "spotify")]
    [InlineData("Spotify:AccountsBaseAddress", "file:///etc/")]
    public void A_bad_value_fails_the_first_use_naming_its_key(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<ITrackLinkResolver>());
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_reads_no_credential_so_a_secret_store_is_asked_on_first_use_only()
    {
        var configuration = new ConfigurationBuilder().Add(new SecretStoreThatIsDown()).Build();

        // A host validates at start what its other options ask for (Deezer's, say); Spotify's are not among them.
        using var services = new ServiceCollection().AddLogging().AddSpotifyLinks(configuration).AddOptions<object>().ValidateOnStart().Services
            .BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<ITrackLinkResolver>());
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

    /// <summary>Like Parameter Store out of reach: the credential keys exist, and reading one fails.</summary>
    private sealed class SecretStoreThatIsDown : ConfigurationProvider, IConfigurationSource
    {
        public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

        public override void Load() => Data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Spotify:ClientId"] = null,
            ["Spotify:ClientSecret"] = null,
        };

        public override bool TryGet(string key, out string? value) =>
            Data.ContainsKey(key) ? throw new InvalidOperationException($"Could not read {key} from the secret store.") : base.TryGet(key, out value);
    }
}
