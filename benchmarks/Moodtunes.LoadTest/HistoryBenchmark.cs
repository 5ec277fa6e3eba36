using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LoadTest;

/// <summary>
/// What the mood timeline costs over HTTP with a busy month (500 analyses in 30 days on one device): every page
/// of GET /api/history (what a timeline built from the list would need) against GET /api/history/summary.
/// </summary>
internal static class HistoryBenchmark
{
    private const int Analyses = 500;
    private const int Runs = 10;

    public static async Task RunAsync(IServiceProvider services, Uri server)
    {
        var token = TestDevices.NewToken();
        await SeedAsync(services, DeviceIdentity.DeviceIdFor(token), Analyses);
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Add(DeviceTokens.HeaderName, token);

        var firstPage = await TimeAsync(() => GetAsync(http, "/api/history?limit=20"));
        var allPages = await TimeAsync(() => AllPagesAsync(http));
        var summary = await TimeAsync(() => GetAsync(http, "/api/history/summary?offsetMinutes=540"));

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | the history of one device with {Analyses} analyses in 30 days ({Runs} runs) | requests | bytes | median | max |
            | --- | ---: | ---: | ---: | ---: |
            | first page of the list (`GET /api/history`, 20 items) | {firstPage.Requests} | {firstPage.Bytes:N0} | {firstPage.Median:F1} ms | {firstPage.Max:F1} ms |
            | every page of the list (limit 50, what a timeline from the list needs) | {allPages.Requests} | {allPages.Bytes:N0} | {allPages.Median:F1} ms | {allPages.Max:F1} ms |
            | the timeline's summary (`GET /api/history/summary`) | {summary.Requests} | {summary.Bytes:N0} | {summary.Median:F1} ms | {summary.Max:F1} ms |
            """));
    }

    /// <summary>
    /// Issue 24: the summary of a device that has made <paramref name="analyses"/> analyses (all within the 30 days
    /// they are kept), over HTTP; it once read the whole history, 4.5 s of CPU for 20,000.
    /// </summary>
    public static async Task SummaryAsync(IServiceProvider services, Uri server, int analyses)
    {
        var token = TestDevices.NewToken();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(services, DeviceIdentity.DeviceIdFor(token), analyses);
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Add(DeviceTokens.HeaderName, token);
        // CPU time as well as wall time: on a shared machine the wall time is mostly waiting for a core.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = await TimeAsync(() => GetAsync(http, "/api/history/summary?offsetMinutes=540"));
        var cpuPerRequest = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (Runs + 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | `GET /api/history/summary`, one device with {analyses:N0} analyses in 30 days ({Runs} runs; seeded in {seeding.Elapsed.TotalSeconds:F0} s) | bytes | median | max | CPU per request |
            | --- | ---: | ---: | ---: | ---: |
            | the summary | {summary.Bytes:N0} | {summary.Median:F1} ms | {summary.Max:F1} ms | {cpuPerRequest:F0} ms |
            """));
    }

    /// <summary><paramref name="analyses"/> selfies spread over 30 days, emotions in turn, each with the tracks the analyzer offers.</summary>
    private static async Task SeedAsync(IServiceProvider services, DeviceId deviceId, int analyses)
    {
        var store = services.GetRequiredService<IAnalysisStore>();
        var picker = services.GetRequiredService<TrackPicker>();
        var emotions = Enum.GetValues<Emotion>();
        var tracks = new Dictionary<Emotion, TrackSelection>();
        foreach (var emotion in emotions)
        {
            tracks[emotion] = await picker.ForEmotionAsync(emotion, CancellationToken.None);
        }

        var start = DateTimeOffset.UtcNow.AddDays(-30).AddHours(1);
        var step = (DateTimeOffset.UtcNow.AddMinutes(-1) - start) / analyses;
        for (var i = 0; i < analyses; i++)
        {
            var emotion = emotions[i % emotions.Length];
            var pending = PendingAnalyses.New(deviceId, start + (step * i));
            await store.CreateAsync(pending, CancellationToken.None);
            await store.TryFinishAsync(DoneAnalyses.Of(pending, emotion, tracks[emotion]), CancellationToken.None);
        }
    }

    private static async Task<(int Requests, long Bytes)> AllPagesAsync(HttpClient http)
    {
        var requests = 0;
        var bytes = 0L;
        string? cursor = null;
        do
        {
            var path = cursor is null ? "/api/history?limit=50" : $"/api/history?limit=50&cursor={Uri.EscapeDataString(cursor)}";
            var body = await http.GetByteArrayAsync(new Uri(path, UriKind.Relative));
            requests++;
            bytes += body.Length;
            using var page = JsonDocument.Parse(body);
            cursor = page.RootElement.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return (requests, bytes);
    }

    private static async Task<(int Requests, long Bytes)> GetAsync(HttpClient http, string path) =>
        (1, (await http.GetByteArrayAsync(new Uri(path, UriKind.Relative))).Length);

    private static async Task<(int Requests, long Bytes, double Median, double Max)> TimeAsync(Func<Task<(int Requests, long Bytes)>> read)
    {
        // One unmeasured run warms the JIT and SQLite's page cache, as a server that has been up a while has.
        var (requests, bytes) = await read();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (requests, bytes, times[times.Count / 2], times[^1]);
    }
}
