using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
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
        await SeedAsync(services, DeviceIdentity.DeviceIdFor(token));
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

    /// <summary>About 17 selfies a day for 30 days, emotions in turn, each with the tracks the analyzer offers.</summary>
    private static async Task SeedAsync(IServiceProvider services, string deviceId)
    {
        var store = services.GetRequiredService<IAnalysisStore>();
        var selector = services.GetRequiredService<AnalysisTrackSelector>();
        var emotions = Enum.GetValues<Emotion>();
        var start = DateTimeOffset.UtcNow.AddDays(-30).AddHours(1);
        var step = (DateTimeOffset.UtcNow.AddMinutes(-1) - start) / Analyses;
        for (var i = 0; i < Analyses; i++)
        {
            var emotion = emotions[i % emotions.Length];
            var pending = PendingAnalyses.New(deviceId, start + (step * i));
            await store.CreateAsync(pending, CancellationToken.None);
            await store.TryFinishAsync(DoneAnalyses.Of(pending, emotion, await selector.ForEmotionAsync(emotion, CancellationToken.None)), CancellationToken.None);
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
