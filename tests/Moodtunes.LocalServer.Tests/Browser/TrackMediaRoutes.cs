using System.Buffers.Binary;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Moodtunes.Api;
using Moodtunes.Testing;
using SkiaSharp;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>
/// Track media as the API will send it (issue 13), added in the browser with Playwright routing: the real
/// server's analysis and track answers gain a why line's facets, links and media; covers on Deezer's image host are
/// answered by the test (so the page's own CSP decides whether they load); the preview route answers a
/// redirect as the server will, to the <see cref="PreviewServer"/> stand-in rather than Deezer's preview host.
/// </summary>
internal static partial class TrackMediaRoutes
{
    public const string CoverHost = "https://e-cdns-images.dzcdn.net";

    /// <summary>The page's media-src as shipped; the test adds the stand-in's origin after it.</summary>
    public const string MediaSrc = "media-src 'self' blob: https://cdnt-preview.dzcdn.net";

    /// <summary>Long enough that one preview is still playing when the test starts the next.</summary>
    private const int PreviewSeconds = 5;

    private const int SampleRate = 8000;

    /// <summary>Media of a resolved track: cover, Deezer page, and a preview on the same-origin route.</summary>
    public static JsonObject Media(string trackId, bool preview = true) => new()
    {
        ["provider"] = "deezer",
        ["pageUrl"] = $"https://www.deezer.com/track/{StableHash(trackId) % 1_000_000}",
        ["coverSmall"] = $"{CoverHost}/images/cover/{trackId}/56x56-000000-80-0-0.jpg",
        ["coverMedium"] = $"{CoverHost}/images/cover/{trackId}/250x250-000000-80-0-0.jpg",
        ["durationSeconds"] = 215,
        ["previewUrl"] = preview ? ApiPaths.Preview(trackId) : null,
    };

    /// <summary>
    /// Routes the page's analysis and track answers through <paramref name="media"/> (index in the list, track id →
    /// the track's media, or null when unresolved), the cover host to generated covers, the preview route to
    /// <paramref name="previews"/>, and (with <paramref name="allowStandIn"/>) the page itself to a copy whose CSP also
    /// allows that stand-in. Call it before the page is opened.
    /// </summary>
    public static async Task RouteAsync(IPage page, PreviewServer previews, Func<int, string, JsonObject?> media, bool allowStandIn = true)
    {
        if (allowStandIn)
        {
            await AllowStandInAsync(page, previews.Origin);
        }

        await page.RouteAsync(AnalysisOrTracks(), async route =>
        {
            if (route.Request.Method is not ("GET" or "POST"))
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            if (response.Status != 200)
            {
                await route.FulfillAsync(new() { Response = response });
                return;
            }

            var body = JsonNode.Parse(await response.TextAsync())!;
            var current = route.Request.Method == "GET" ? body["tracks"]?["current"] : body["current"];
            if (current is JsonArray tracks)
            {
                for (var i = 0; i < tracks.Count; i++)
                {
                    AddMedia(tracks[i]!.AsObject(), media(i, (string)tracks[i]!["id"]!));
                }
            }

            await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
        });
        await page.RouteAsync("**/api/tracks/*/preview", route => route.FulfillAsync(new()
        {
            Status = 302,
            Headers = new Dictionary<string, string>
            {
                ["Location"] = $"{previews.Origin}/test/{PreviewName().Match(route.Request.Url).Groups[1].Value}.wav",
            },
        }));
        await RouteCoversAsync(page);
    }

    /// <summary>Answers Deezer's cover host with generated covers, so no request leaves the machine.</summary>
    public static Task RouteCoversAsync(IPage page) =>
        page.RouteAsync($"{CoverHost}/**", route =>
            route.FulfillAsync(new() { Status = 200, ContentType = "image/png", BodyBytes = Cover(route.Request.Url) }));

    /// <summary>Serves the page with <paramref name="origin"/> added to its media-src (in its meta and the CSP header), and only that.</summary>
    public static async Task AllowStandInAsync(IPage page, string origin)
    {
        // A page answered by routing has no address, so Chromium counts it as public and its requests to the
        // loopback stand-in need Local Network Access, which a phone would ask for and the test grants.
        await page.Context.GrantPermissionsAsync(["local-network-access"]);
        await page.RouteAsync(url => new Uri(url).AbsolutePath is "/" or "/index.html", async route =>
        {
            var response = await route.FetchAsync();
            var html = await response.TextAsync();
            // A change to the shipped media-src fails here, not silently.
            Assert.Contains(MediaSrc + ";", html, StringComparison.Ordinal);
            // The server sends the same CSP as a header too (with frame-ancestors); both are enforced, so both allow it.
            var headers = response.Headers.ToDictionary(StringComparer.OrdinalIgnoreCase);
            headers["content-security-policy"] = headers["content-security-policy"].Replace(MediaSrc, $"{MediaSrc} {origin}", StringComparison.Ordinal);
            await route.FulfillAsync(new() { Response = response, Headers = headers, Body = html.Replace(MediaSrc, $"{MediaSrc} {origin}", StringComparison.Ordinal) });
        });
    }

    private static void AddMedia(JsonObject track, JsonObject? media)
    {
        var search = Uri.EscapeDataString($"{track["title"]} {track["artist"]}");
        track["reason"] = new JsonObject
        {
            ["energy"] = "upbeat",
            ["valence"] = "bright",
            ["label"] = "happy",
        };
        track["links"] = new JsonObject
        {
            ["spotify"] = $"https://open.spotify.com/search/{search}",
            ["youTubeMusic"] = $"https://music.youtube.com/search?q={search}",
        };
        track["media"] = media;
    }

    /// <summary>A mono 16-bit PCM WAV of a quiet 440 Hz tone: small, and every Chromium plays it.</summary>
    public static byte[] Wav()
    {
        const int samples = SampleRate * PreviewSeconds;
        var wav = new byte[44 + (samples * 2)];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], wav.Length - 8);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16); // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], SampleRate * 2); // bytes per second
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2); // block align
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16); // bits per sample
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], samples * 2);
        for (var i = 0; i < samples; i++)
        {
            var sample = (short)(3000 * Math.Sin(2 * Math.PI * 440 * i / SampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(span[(44 + (i * 2))..], sample);
        }

        return wav;
    }

    /// <summary>A 250×250 two-colour gradient, its hue taken from the address so each track's cover differs.</summary>
    private static byte[] Cover(string url)
    {
        var hue = StableHash(url) % 360;
        using var bitmap = new SKBitmap(250, 250);
        using var canvas = new SKCanvas(bitmap);
        using var shader = SKShader.CreateLinearGradient(
            new SKPoint(0, 0),
            new SKPoint(250, 250),
            [SKColor.FromHsl(hue, 70, 55), SKColor.FromHsl((hue + 60) % 360, 70, 30)],
            SKShaderTileMode.Clamp);
        using var paint = new SKPaint { Shader = shader };
        canvas.DrawRect(0, 0, 250, 250, paint);
        return PhotoBuilder.Png(bitmap);
    }

    /// <summary>FNV-1a: the same every run (string.GetHashCode is not), so screenshots and links repeat.</summary>
    private static uint StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    [GeneratedRegex(ApiRoutes.Analyses + @"/[^/?#]+(/tracks)?$")]
    private static partial Regex AnalysisOrTracks();

    [GeneratedRegex(@"/api/tracks/([^/?#]+)/preview")]
    private static partial Regex PreviewName();
}
