using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moodtunes.Api.Http;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Deezer;
using Moodtunes.Testing;

namespace RecommendFunction.Tests;

/// <summary>The function with Deezer's stand-in (<see cref="FakeDeezer"/>) as its music provider; it knows every catalog song.</summary>
public class DeezerBackedFactory : EmbeddedStorageFactory<Program>, IAsyncLifetime
{
    public FakeDeezer Deezer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Deezer = await FakeDeezer.StartAsync();
        foreach (var (entry, i) in TrackCatalog.Default.Tracks.Select((t, i) => (t.Track, i)))
        {
            Deezer.AddSearchResult(entry.Title, entry.Artist, Deezer.AddTrack(1000 + i, entry.Title, entry.Artist, withPreview: i % 10 != 0));
        }
    }

    async Task IAsyncLifetime.DisposeAsync() => await Deezer.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Deezer:Enabled", "true");
        builder.UseSetting("Deezer:BaseAddress", Deezer.BaseAddress.AbsoluteUri);
    }
}

/// <summary>The stand-in with the lookup deadline held still; the deadline is <see cref="TrackMediaWhenTheProviderIsSlowTests"/>'s.</summary>
public sealed class DeezerBackedWithoutDeadlineFactory : DeezerBackedFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => TrackMediaDeadline.HoldStill(services));
    }
}

/// <summary>Covers, track pages and previews: resolved when tracks are picked, cached in our storage, previews fresh.</summary>
public sealed class TrackMediaTests(DeezerBackedWithoutDeadlineFactory factory) : IClassFixture<DeezerBackedWithoutDeadlineFactory>
{
    [Fact]
    public async Task Picked_tracks_carry_cover_page_and_a_preview_route_and_are_stored_with_them()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);

        var tracks = await device.PostTracksAsync(done.Id, new { moods = new[] { "exercise" }, sadnessChoice = (string?)null, more = false });

        var track = tracks.GetProperty("current")[0];
        var id = track.GetProperty("id").GetString()!;
        var media = track.GetProperty("media");
        Assert.Equal("deezer", media.GetProperty("provider").GetString());
        Assert.StartsWith("https://www.deezer.com/track/", media.GetProperty("pageUrl").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("https://e-cdns-images.dzcdn.net/", media.GetProperty("coverMedium").GetString(), StringComparison.Ordinal);
        Assert.Equal(215, media.GetProperty("durationSeconds").GetInt32());
        Assert.StartsWith("https://music.youtube.com/search?q=", track.GetProperty("links").GetProperty("youTubeMusic").GetString(), StringComparison.Ordinal);
        var stored = await device.GetJsonAsync(ApiPaths.Analysis(done.Id));
        Assert.Equal(media.GetRawText(), stored.GetProperty("tracks").GetProperty("current")[0].GetProperty("media").GetRawText());
        Assert.DoesNotContain("dzcdn.net/api", stored.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(id, stored.GetProperty("tracks").GetProperty("current")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_track_is_looked_up_once_then_served_from_our_cache()
    {
        var enricher = factory.Services.GetRequiredService<TrackMediaEnricher>();
        var tracks = TrackCatalog.Default.Tracks.Skip(100).Take(6).Select(t => t.Track).ToList();

        var first = await enricher.WithMediaAsync(tracks, CancellationToken.None);
        var requests = factory.Deezer.Requests;
        var second = await enricher.WithMediaAsync(tracks, CancellationToken.None);

        Assert.All(first, t => Assert.NotNull(t.Media));
        Assert.Equal(first.Select(t => t.Media), second.Select(t => t.Media));
        Assert.Equal(requests, factory.Deezer.Requests);
    }

    [Fact]
    public async Task The_preview_route_redirects_to_a_just_signed_url_without_a_device_token()
    {
        var track = TrackCatalog.Default.Tracks[1].Track;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ApiPaths.Preview(track.Id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(FakeDeezer.PreviewHost + "/", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("hdnea=exp=", response.Headers.Location.Query, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_song_without_a_preview_or_not_in_the_catalog_has_no_preview()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        // Every tenth catalog song has no preview at the stand-in.
        using var none = await client.GetAsync(ApiPaths.Preview(TrackCatalog.Default.Tracks[10].Track.Id));
        using var unknown = await client.GetAsync(ApiPaths.Preview("not-a-catalog-id"));

        await HttpAssert.ProblemAsync(none, HttpStatusCode.NotFound, ProblemCode.NoPreview);
        await HttpAssert.ProblemAsync(unknown, HttpStatusCode.NotFound, ProblemCode.NoPreview);
    }
}

/// <summary>A provider that is down never fails a list: the songs go out with their links.</summary>
public sealed class TrackMediaWhenTheProviderIsDownTests(DeezerBackedFactory factory) : IClassFixture<DeezerBackedFactory>
{
    [Fact]
    public async Task Tracks_still_come_with_their_links_and_no_media()
    {
        factory.Deezer.FailWith = FakeDeezer.Failure.ServerError;
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Happy);

        var tracks = await device.PostTracksAsync(done.Id, new { moods = new[] { "relaxing" }, sadnessChoice = (string?)null, more = false });

        Assert.All(tracks.GetProperty("current").EnumerateArray(), t =>
        {
            Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("media").ValueKind);
            Assert.StartsWith("https://open.spotify.com/search/", t.GetProperty("links").GetProperty("spotify").GetString(), StringComparison.Ordinal);
        });
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var preview = await client.GetAsync(ApiPaths.Preview(TrackCatalog.Default.Tracks[3].Track.Id));
        await HttpAssert.ProblemAsync(preview, HttpStatusCode.ServiceUnavailable, ProblemCode.ProviderUnavailable);
    }
}

/// <summary>A slow provider delays a list by the deadline at most; what it answers later is cached for next time.</summary>
public sealed class TrackMediaWhenTheProviderIsSlowTests(DeezerBackedFactory factory) : IClassFixture<DeezerBackedFactory>
{
    [Fact]
    public async Task The_list_goes_out_without_media_and_the_late_answers_land_in_the_cache()
    {
        factory.Deezer.Delay = TimeSpan.FromSeconds(2);
        var enricher = factory.Services.GetRequiredService<TrackMediaEnricher>();
        var cache = factory.Services.GetRequiredService<ITrackMediaCache>();
        var tracks = TrackCatalog.Default.Tracks.Take(6).Select(t => t.Track).ToList();

        var list = await enricher.WithMediaAsync(tracks, CancellationToken.None);

        Assert.All(list, t => Assert.Null(t.Media));
        var ids = tracks.Select(t => t.Id).ToList();
        var cached = await cache.GetManyAsync(ids, CancellationToken.None);
        for (var wait = 0; cached.Count < ids.Count && wait < 100; wait++)
        {
            await Task.Delay(100);
            cached = await cache.GetManyAsync(ids, CancellationToken.None);
        }

        Assert.Equal(ids.Order(StringComparer.Ordinal), cached.Keys.Order(StringComparer.Ordinal));
        Assert.All(cached.Values, entry => Assert.NotNull(entry.Media));
    }
}

/// <summary>The stand-in with a budget window longer than any test, so what the budget admits is counted, not timed.</summary>
public sealed class DeezerBackedWithLongBudgetWindowFactory : DeezerBackedFactory
{
    public static readonly int Budget = new DeezerOptions().RequestBudget;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{DeezerOptions.SectionName}:{nameof(DeezerOptions.BudgetWindow)}", "01:00:00");
    }
}

/// <summary>
/// The preview route needs no token, so anyone can ask for every song at once: the provider's quota (Deezer's is
/// reported as 50 requests per 5 s, for the whole process) must not be spent on them.
/// </summary>
public sealed class PreviewFloodTests(DeezerBackedWithLongBudgetWindowFactory factory) : IClassFixture<DeezerBackedWithLongBudgetWindowFactory>
{
    [Fact]
    public async Task Previews_of_many_songs_at_once_ask_the_provider_within_its_budget_and_the_rest_fail_fast()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        // Three budgets' worth of songs is flood enough, and leaves the CPUs to the test classes beside this one.
        var answers = await Task.WhenAll(TrackCatalog.Default.Tracks.Take(3 * DeezerBackedWithLongBudgetWindowFactory.Budget).Select(async t =>
        {
            using var response = await client.GetAsync(ApiPaths.Preview(t.Track.Id));
            return response.StatusCode;
        }));

        Assert.InRange(factory.Deezer.Requests, 1, DeezerBackedWithLongBudgetWindowFactory.Budget);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, answers);
        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.Redirect, HttpStatusCode.NotFound, HttpStatusCode.ServiceUnavailable }));
    }
}

/// <summary>With the provider switched off there is no preview to play, which is not an outage (docs/api.md).</summary>
public sealed class PreviewWithoutProviderTests(EmbeddedStorageFactory<Program> factory) : IClassFixture<EmbeddedStorageFactory<Program>>
{
    [Fact]
    public async Task The_preview_route_answers_no_preview()
    {
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ApiPaths.Preview(TrackCatalog.Default.Tracks[1].Track.Id));

        await HttpAssert.ProblemAsync(response, HttpStatusCode.NotFound, ProblemCode.NoPreview);
    }
}

/// <summary>
/// What one person's flow costs the provider, on a cache of its own: the analyzer's list is looked up once, and
/// playing its previews asks nothing more; a preview is a GET, so it stores nothing (docs/architecture.md).
/// </summary>
public sealed class ProviderRequestsPerFlowTests(DeezerBackedWithoutDeadlineFactory factory) : IClassFixture<DeezerBackedWithoutDeadlineFactory>
{
    [Fact]
    public async Task A_list_costs_one_search_per_song_and_playing_its_previews_costs_none()
    {
        using var device = new TestDevice(factory);
        var done = await device.SeedDoneAsync(Emotion.Sad);
        var afterList = factory.Deezer.Requests;
        var tracks = (await device.GetJsonAsync(ApiPaths.Analysis(done.Id))).GetProperty("tracks").GetProperty("current");
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var played = 0;
        foreach (var track in tracks.EnumerateArray())
        {
            if (track.GetProperty("media").GetProperty("previewUrl").GetString() is { } preview)
            {
                using var response = await client.GetAsync(preview);
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                played++;
            }
        }

        Assert.True(played > 0);
        Assert.Equal(tracks.GetArrayLength(), afterList);
        Assert.Equal(afterList, factory.Deezer.Requests);
    }

    [Fact]
    public async Task Playing_a_song_no_list_offered_leaves_the_media_cache_as_it_was()
    {
        var cache = factory.Services.GetRequiredService<ITrackMediaCache>();
        var id = TrackCatalog.Default.Tracks[7].Track.Id;
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(ApiPaths.Preview(id));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await cache.GetManyAsync([id], CancellationToken.None));
    }
}

/// <summary>The provider's settings are checked when the function starts, not at the first list.</summary>
public sealed class ProviderSettingsAtStartTests
{
    [Fact]
    public void A_bad_provider_setting_stops_the_start_naming_its_key()
    {
        using var factory = new BadTimeoutFactory();

        var failure = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Deezer:Timeout", failure.Message, StringComparison.Ordinal);
    }

    private sealed class BadTimeoutFactory : EmbeddedStorageFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Deezer:Enabled", "true");
            builder.UseSetting("Deezer:Timeout", "-00:00:01");
        }
    }
}
