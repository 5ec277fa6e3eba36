using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Moodtunes.Testing;

/// <summary>
/// A loopback stand-in for Deezer's public API, answering <c>/search</c> and <c>/track/{id}</c> with the documented
/// shapes: the track object of developers.deezer.com/api/track (id, title, link, duration, preview, artist.name,
/// album.cover_small/cover_medium/…; /search wraps them in "data" with "total"), and errors as
/// developers.deezer.com/api/errors describes them, in the body of a 200 ({"error":{"type","message","code"}}:
/// QUOTA Exception 4, DATA_NOT_FOUND DataException 800). Preview URLs are signed like Deezer's (hdnea=exp=…).
/// </summary>
public sealed class FakeDeezer : IAsyncDisposable
{
    /// <summary>The host Deezer serves previews from (docs: cdnt-preview.dzcdn.net); browser tests answer it themselves.</summary>
    public const string PreviewHost = "https://cdnt-preview.dzcdn.net";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, object[]> _search = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, object> _tracks = new(StringComparer.Ordinal);
    private int _requests;

    private FakeDeezer(WebApplication app) => _app = app;

    /// <summary>What every request answers instead of its data, when set.</summary>
    public enum Failure
    {
        None,
        Quota,
        ServerError,
        TooManyRequests,
        Malformed,
    }

    public Uri BaseAddress { get; private set; } = null!;

    public int Requests => _requests;

    public Failure FailWith { get; set; }

    /// <summary>How long every answer takes.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Where the preview URLs it signs point; a browser test points them at its own loopback file server.</summary>
    public string PreviewBase { get; set; } = PreviewHost;

    /// <summary>How long the preview URLs it signs stay valid (Deezer's are reported to last 900 s).</summary>
    public TimeSpan PreviewLifetime { get; set; } = TimeSpan.FromSeconds(900);

    public static async Task<FakeDeezer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDeezer(app);
        app.MapGet("/search", fake.SearchAsync);
        app.MapGet("/track/{id}", fake.TrackAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/");
        return fake;
    }

    /// <summary>Answers the advanced search <c>artist:"artist" track:"title"</c> with these tracks.</summary>
    public void AddSearchResult(string title, string artist, params object[] tracks) =>
        _search[$"artist:\"{artist}\" track:\"{title}\""] = tracks;

    /// <summary>A track the search finds and <c>/track/{id}</c> serves.</summary>
    public object AddTrack(long id, string title, string artist, bool withPreview = true)
    {
        var track = TrackJson(id, title, artist, withPreview);
        _tracks[id.ToString(CultureInfo.InvariantCulture)] = (id, title, artist, withPreview);
        return track;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private object TrackJson(long id, string title, string artist, bool withPreview)
    {
        var exp = DateTimeOffset.UtcNow.Add(PreviewLifetime).ToUnixTimeSeconds();
        return new
        {
            id,
            readable = true,
            title,
            title_short = title,
            link = $"https://www.deezer.com/track/{id}",
            duration = 215,
            rank = 900000,
            explicit_lyrics = false,
            preview = withPreview ? $"{PreviewBase}/api/1/1/a/b/c/0/{id}.mp3?hdnea=exp={exp}~acl=/api/1/1/a/b/c/0/{id}.mp3*~data=user_id=0,application_id=42~hmac=0f0f" : "",
            artist = new { id = id + 1, name = artist, link = $"https://www.deezer.com/artist/{id + 1}", type = "artist" },
            album = new
            {
                id = id + 2,
                title = "Album of " + title,
                cover = $"https://api.deezer.com/album/{id + 2}/image",
                cover_small = $"https://e-cdns-images.dzcdn.net/images/cover/{id}/56x56-000000-80-0-0.jpg",
                cover_medium = $"https://e-cdns-images.dzcdn.net/images/cover/{id}/250x250-000000-80-0-0.jpg",
                cover_big = $"https://e-cdns-images.dzcdn.net/images/cover/{id}/500x500-000000-80-0-0.jpg",
                type = "album",
            },
            type = "track",
        };
    }

    private async Task<IResult> SearchAsync(HttpRequest request)
    {
        if (await FailedAsync() is { } failure)
        {
            return failure;
        }

        var data = _search.GetValueOrDefault(request.Query["q"].ToString()) ?? [];
        return Results.Json(new { data, total = data.Length });
    }

    private async Task<IResult> TrackAsync(string id)
    {
        if (await FailedAsync() is { } failure)
        {
            return failure;
        }

        // Each call signs a new preview URL, as Deezer does.
        return _tracks.TryGetValue(id, out var known) && known is (long n, string title, string artist, bool preview)
            ? Results.Json(TrackJson(n, title, artist, preview))
            : Results.Json(new { error = new { type = "DataException", message = "no data", code = 800 } });
    }

    private async Task<IResult?> FailedAsync()
    {
        Interlocked.Increment(ref _requests);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        return FailWith switch
        {
            Failure.Quota => Results.Json(new { error = new { type = "Exception", message = "Quota limit exceeded", code = 4 } }),
            Failure.ServerError => Results.StatusCode(StatusCodes.Status500InternalServerError),
            Failure.TooManyRequests => Results.StatusCode(StatusCodes.Status429TooManyRequests),
            Failure.Malformed => Results.Content("<html>upstream error</html>", "text/html"),
            _ => null,
        };
    }
}
