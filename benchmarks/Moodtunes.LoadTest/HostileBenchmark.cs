using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using Moodtunes.Api.Http;
using Moodtunes.Testing;
using SkiaSharp;

namespace Moodtunes.LoadTest;

/// <summary>
/// Issue 24's attacks against the built local server in a process of its own (so its memory is its own, under its
/// own GC settings): another address's selfie while one client floods with 30 tokens × 2 costly photos, and the
/// server's memory while 40 unsigned 10 MiB upload forms arrive at once.
/// </summary>
internal static class HostileBenchmark
{
    private const int FloodTokens = 30;
    private const int PhotosPerToken = 2;
    private const int UnsignedForms = 40;

    /// <summary>The most a form may be (10 MiB + the 64 KiB for fields) less a little: it passes the length check.</summary>
    private const int UnsignedFormBytes = (10 * 1024 * 1024) + (32 * 1024);

    public static async Task RunAsync()
    {
        var selfie = SamplePhotos.SelfieJpeg(1280, 960);
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));

        // The issue's photo (3900² 4:4:4, 64 scans: 15 M block passes), and the costliest kind the budget still
        // admits, a 48 MP phone photo saved progressive (10 scans, 6.1 M block passes).
        using var square = PhotoBuilder.Resized(astronaut, 3900, 3900);
        var issuePhoto = ProgressiveJpegs.WithScans(ProgressiveJpegs.Baseline(square, SKJpegEncoderDownsample.Downsample444), 64);
        using var large = PhotoBuilder.Resized(astronaut, 8064, 6048);
        var phonePhoto = ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(large));

        Console.WriteLine($"Local server in its own process, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; the flood comes from 127.0.0.2, the selfie (1280×960) from 127.0.0.1");
        Console.WriteLine();
        Console.WriteLine($"| another address's selfie, end to end, while one client sends {FloodTokens} tokens × {PhotosPerToken} photos | selfie | flood still pending then |");
        Console.WriteLine("| --- | ---: | ---: |");
        await using (var server = await ServerProcess.StartAsync(new Dictionary<string, string>()))
        {
            var idle = await SelfieAsync(server.Url, selfie);
            Console.WriteLine(Row("idle (no flood)", idle, null));
            foreach (var (name, photo) in new[]
            {
                ($"the issue's photo: 3900² 4:4:4 in 64 scans, {issuePhoto.Length / 1024} KB (now refused image-too-complex)", issuePhoto),
                ($"the costliest admitted: 48 MP progressive 4:2:0, {phonePhoto.Length / 1024} KB", phonePhoto),
            })
            {
                var (waited, pending) = await SelfieDuringFloodAsync(server.Url, selfie, photo);
                Console.WriteLine(Row(name, waited, pending));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"| server memory (RSS) while {UnsignedForms} unsigned {UnsignedFormBytes / 1024 / 1024} MiB forms arrive at once | before | peak | 5 s after |");
        Console.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var (name, environment) in new (string, Dictionary<string, string>)[]
        {
            ("shipped settings (workstation GC, concurrent, GCConserveMemory 7)", []),
            ("server GC, as before (`DOTNET_gcServer=1`, `DOTNET_GCConserveMemory=0`)", new() { ["DOTNET_gcServer"] = "1", ["DOTNET_GCConserveMemory"] = "0" }),
        })
        {
            await using var server = await ServerProcess.StartAsync(environment);
            var (before, peak, after) = await UnsignedFormsAsync(server);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {before} MB | {peak} MB | {after} MB |"));
        }
    }

    private static string Row(string name, TimeSpan selfie, int? pending) => string.Create(
        CultureInfo.InvariantCulture, $"| {name} | {selfie.TotalMilliseconds:F0} ms | {(pending is { } p ? $"{p} of {FloodTokens * PhotosPerToken}" : "")} |");

    private static async Task<TimeSpan> SelfieAsync(Uri server, byte[] selfie)
    {
        using var client = Client(server, IPAddress.Loopback);
        var token = TestDevices.NewToken();
        await AnalyseAsync(client, token, selfie); // models loaded before the clock starts
        var clock = Stopwatch.StartNew();
        await AnalyseAsync(client, token, selfie);
        return clock.Elapsed;
    }

    private static async Task<(TimeSpan Waited, int Pending)> SelfieDuringFloodAsync(Uri server, byte[] selfie, byte[] photo)
    {
        using var flooder = Client(server, IPAddress.Parse("127.0.0.2"));
        using var person = Client(server, IPAddress.Loopback);
        var tokens = Enumerable.Range(0, FloodTokens).Select(_ => TestDevices.NewToken()).ToList();
        var flood = (await Task.WhenAll(tokens.SelectMany(t => Enumerable.Repeat(t, PhotosPerToken)).Select(t => UploadAsync(flooder, t, photo)))).ToList();

        var clock = Stopwatch.StartNew();
        await AnalyseAsync(person, TestDevices.NewToken(), selfie);
        var waited = clock.Elapsed;
        var pending = 0;
        foreach (var (token, id) in flood)
        {
            pending += await StatusAsync(flooder, token, id) == "pending" ? 1 : 0;
        }

        foreach (var (token, id) in flood)
        {
            await WaitAsync(flooder, token, id);
        }

        return (waited, pending);
    }

    private static async Task<(long Before, long Peak, long After)> UnsignedFormsAsync(ServerProcess server)
    {
        using var client = Client(server.Url, IPAddress.Loopback);
        (await client.GetAsync(new Uri("/", UriKind.Relative))).Dispose();
        var before = server.ResidentMegabytes();
        var payload = new byte[UnsignedFormBytes - 1024];
        Array.Fill(payload, (byte)'A');
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMegabytes());
                await Task.Delay(20, CancellationToken.None);
            }
        });

        // The payload in the policy field itself: the shape that was read into memory whole before the signature check.
        var statuses = await Task.WhenAll(Enumerable.Range(0, UnsignedForms).Select(async _ =>
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("photos/x/01JD0000000000000000000000"), "key" },
                { new StringContent("image/jpeg"), "Content-Type" },
                { new ByteArrayContent(payload), "policy" },
                { new StringContent("forged"), "signature" },
            };
            using var response = await client.PostAsync(new Uri("/local-uploads", UriKind.Relative), form);
            return (int)response.StatusCode;
        }));
        await Task.Delay(TimeSpan.FromSeconds(5));
        await sampling.CancelAsync();
        await sampler;
        Console.Error.WriteLine($"unsigned forms answered: {string.Join(", ", statuses.CountBy(s => s).Select(s => $"{s.Key} × {s.Value}"))}");
        return (before, peak, server.ResidentMegabytes());
    }

    private static async Task<(string Token, string Id)> UploadAsync(HttpClient client, string token, byte[] photo)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, PhotoUploads.CreatePath)
        {
            Content = JsonContent(new { contentType = "image/jpeg", size = photo.Length }),
        };
        request.Headers.Add(DeviceTokens.HeaderName, token);
        using var created = await client.SendAsync(request);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        var upload = IssuedUpload.Parse(json.RootElement);
        using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
        if (stored.StatusCode != HttpStatusCode.NoContent)
        {
            throw new InvalidOperationException($"upload answered {(int)stored.StatusCode}");
        }

        return (token, upload.AnalysisId);
    }

    private static async Task AnalyseAsync(HttpClient client, string token, byte[] photo)
    {
        var (_, id) = await UploadAsync(client, token, photo);
        if (await WaitAsync(client, token, id, pollMilliseconds: 20) != "done")
        {
            throw new InvalidOperationException("the selfie was not analysed");
        }
    }

    /// <summary>Polls as the page does for the flood (every 250 ms), faster for the measured selfie, within 300 requests a minute.</summary>
    private static async Task<string> WaitAsync(HttpClient client, string token, string id, int pollMilliseconds = 250)
    {
        for (var deadline = Stopwatch.StartNew(); deadline.Elapsed < TimeSpan.FromMinutes(5); await Task.Delay(pollMilliseconds))
        {
            if (await StatusAsync(client, token, id) is not "pending" and var status)
            {
                return status;
            }
        }

        throw new TimeoutException($"analysis {id} still pending");
    }

    private static async Task<string> StatusAsync(HttpClient client, string token, string id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/analyses/{id}");
        request.Headers.Add(DeviceTokens.HeaderName, token);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = response.IsSuccessStatusCode ? JsonDocument.Parse(body) : throw new InvalidOperationException($"GET analysis answered {(int)response.StatusCode}: {body}");
        return json.RootElement.GetProperty("status").GetString()!;
    }

    private static StringContent JsonContent(object value) =>
        new(JsonSerializer.Serialize(value), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    /// <summary>A client whose connections leave from <paramref name="source"/>: 127.0.0.2 is another address on loopback.</summary>
    private static HttpClient Client(Uri server, IPAddress source) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    })
    {
        BaseAddress = server,
        Timeout = TimeSpan.FromMinutes(5),
    };
}
