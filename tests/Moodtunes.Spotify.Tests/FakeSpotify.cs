using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moodtunes.Spotify.Tests;

/// <summary>
/// A loopback Kestrel server answering Spotify's token, search and track endpoints with the documented JSON
/// shapes, recording what the client sent.
/// </summary>
internal sealed class FakeSpotify : IAsyncDisposable
{
    public const string AccessToken = "BQD-fake-access-token";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, object[]> _searchResults = new(StringComparer.Ordinal);

    private FakeSpotify(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<RecordedRequest> TokenRequests { get; } = new();

    public ConcurrentQueue<RecordedRequest> ApiRequests { get; } = new();

    /// <summary>When set, the search endpoint answers with this status and a Spotify error body.</summary>
    public HttpStatusCode? SearchFailure { get; set; }

    /// <summary>When set, the token endpoint answers with this status.</summary>
    public HttpStatusCode? TokenFailure { get; set; }

    public string? SearchBodyOverride { get; set; }

    public static async Task<FakeSpotify> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSpotify(app);
        app.MapPost("/api/token", fake.Token);
        app.MapGet("/v1/search", fake.Search);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseAddress = new Uri(address + "/");
        return fake;
    }

    /// <summary>Search answers for the query <c>track:"title" artist:"artist"</c>.</summary>
    public void AddSearchResult(string title, string artist, params object[] items) =>
        _searchResults[SpotifyClient.SearchQuery(title, artist)] = items;

    /// <summary>A track object as Spotify documents it (the fields a client would see).</summary>
    public static object TrackJson(string id, string name, params string[] artists) => new
    {
        album = new { album_type = "album", id = "album" + id, name = "Album of " + name, type = "album" },
        artists = artists.Select((artist, i) => new
        {
            external_urls = new { spotify = $"https://open.spotify.com/artist/artist{i}{id}" },
            href = $"https://api.spotify.com/v1/artists/artist{i}{id}",
            id = $"artist{i}{id}",
            name = artist,
            type = "artist",
            uri = $"spotify:artist:artist{i}{id}",
        }),
        duration_ms = 215000,
        @explicit = false,
        external_urls = new { spotify = "https://open.spotify.com/track/" + id },
        href = "https://api.spotify.com/v1/tracks/" + id,
        id,
        name,
        popularity = 70,
        track_number = 1,
        type = "track",
        uri = "spotify:track:" + id,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static IResult Error(HttpStatusCode status) =>
        Results.Json(new { error = new { status = (int)status, message = "fake failure" } }, statusCode: (int)status);

    private async Task<IResult> Token(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        TokenRequests.Enqueue(new RecordedRequest(request.Headers.Authorization.ToString(), request.ContentType, form["grant_type"].ToString(), null));
        return TokenFailure is { } failure
            ? Error(failure)
            : Results.Json(new { access_token = AccessToken, token_type = "Bearer", expires_in = 3600 });
    }

    private IResult Search(HttpRequest request)
    {
        ApiRequests.Enqueue(new RecordedRequest(request.Headers.Authorization.ToString(), null, null, request.Query));
        if (SearchFailure is { } failure)
        {
            return Error(failure);
        }

        if (SearchBodyOverride is { } body)
        {
            return Results.Content(body, "application/json");
        }

        var items = _searchResults.GetValueOrDefault(request.Query["q"].ToString()) ?? [];
        return Results.Json(new
        {
            tracks = new
            {
                href = "https://api.spotify.com/v1/search" + request.QueryString,
                limit = int.Parse(request.Query["limit"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
                next = (string?)null,
                offset = 0,
                previous = (string?)null,
                total = items.Length,
                items,
            },
        });
    }
}

internal sealed record RecordedRequest(string Authorization, string? ContentType, string? GrantType, IQueryCollection? Query);
