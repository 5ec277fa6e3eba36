using System.Globalization;
using Moodtunes.Core.Recommendation;
using Moodtunes.LoadTest;
using Moodtunes.LocalServer;
using Moodtunes.Testing;

// Load and end-to-end latency against the local server, on loopback only, bounded in time.
//   dotnet run -c Release --project benchmarks/Moodtunes.LoadTest -- [devices=200] [latencyRuns=30]
//   dotnet run -c Release --project benchmarks/Moodtunes.LoadTest -- history     (the history benchmark only)
//   dotnet run -c Release --project benchmarks/Moodtunes.LoadTest -- page [runs=20] (the wait in the browser only)
//   dotnet run -c Release --project benchmarks/Moodtunes.LoadTest -- hostile     (issue 24's attacks only)
//   dotnet run -c Release --project benchmarks/Moodtunes.LoadTest -- summary     (its 20,000-analysis summary only)
var historyOnly = args is ["history"];
var pageOnly = args is ["page", ..];
var hostileOnly = args is ["hostile"];
var summaryOnly = args is ["summary"];
if (pageOnly)
{
    args = args[1..];
}

var oneBenchmark = historyOnly || pageOnly || hostileOnly || summaryOnly;
var devices = !oneBenchmark && args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
var latencyRuns = !oneBenchmark && args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 30;

// Deezer's stand-in on loopback knows every catalog song, so covers and previews resolve as they would online.
await using var deezer = await FakeDeezer.StartAsync();
foreach (var (entry, i) in TrackCatalog.Default.Tracks.Select((t, i) => (t.Track, i)))
{
    deezer.AddSearchResult(entry.Title, entry.Artist, deezer.AddTrack(1000 + i, entry.Title, entry.Artist));
}

var dataDirectory = Directory.CreateTempSubdirectory("moodtunes-load-").FullName;
var builder = WebApplication.CreateBuilder(
    ["--urls", "http://127.0.0.1:0", "--Moodtunes:DataDirectory", dataDirectory, "--Deezer:BaseAddress", deezer.BaseAddress.AbsoluteUri]);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var options = builder.AddLocalServer();
await using var app = builder.Build();
app.MapLocalServer(options);
await app.StartAsync();
var server = new Uri(app.Urls.First());

try
{
    var photo = SamplePhotos.SelfieJpeg(1280, 960);
    Console.WriteLine($"Local server on {server}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}; photo: 1280×960 JPEG, {photo.Length / 1024} KB");
    Console.WriteLine();
    if (pageOnly)
    {
        await PageBenchmark.RunAsync(server, photo, args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20);
        return 0;
    }

    if (hostileOnly || summaryOnly)
    {
        await HistoryBenchmark.SummaryAsync(app.Services, server, 20_000);
        Console.WriteLine();
        if (hostileOnly)
        {
            await HostileBenchmark.RunAsync();
        }

        return 0;
    }

    await HistoryBenchmark.RunAsync(app.Services, server);
    Console.WriteLine();
    if (historyOnly)
    {
        return 0;
    }

    // One device at a time, polling every 10 ms: what one person waits, from asking for the upload target to seeing the result.
    var singles = new List<double>();
    for (var i = 0; i < latencyRuns; i++)
    {
        var one = await LoadRun.RunAsync(server, photo, devices: 1, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(30));
        singles.Add(one.LatencyPercentile(0.5));
    }

    singles.Sort();
    Console.WriteLine($"End-to-end, one device, {latencyRuns} uploads one after another: median {singles[singles.Count / 2]:F0} ms (min {singles[0]:F0}, max {singles[^1]:F0})");
    Console.WriteLine();

    // Many devices at once, polling like the page (every 250 ms).
    var load = await LoadRun.RunAsync(server, photo, devices, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(120));
    Console.WriteLine(load.ToReport());
    Console.WriteLine();
    // From a fresh server: the single uploads and the load run together, every list's tracks counted.
    var offered = (latencyRuns + load.Done) * TrackPicker.ListLength;
    var lookups = deezer.Requests;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"Track media over those {latencyRuns + load.Done} analyses (fresh server, empty cache): {offered} tracks offered, {lookups} looked up at the stand-in, {100.0 * (offered - lookups) / Math.Max(1, offered):F1} % served from the cache."));
    Console.WriteLine();
    await MusicBenchmark.RunAsync(app.Services, deezer);
    return load.Clean ? 0 : 1;
}
finally
{
    deezer.Delay = TimeSpan.Zero;
    await app.StopAsync();
    Directory.Delete(dataDirectory, recursive: true);
}

