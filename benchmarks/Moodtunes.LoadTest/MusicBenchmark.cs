using System.Diagnostics;
using System.Globalization;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.LoadTest;

/// <summary>
/// What resolving covers and previews adds to picking a list, on the server's own enricher and cache: lists of
/// tracks never looked up before (cold), the same lists again (warm), and cold lists while the provider is slow.
/// </summary>
internal static class MusicBenchmark
{
    private const int Lists = 30;

    public static async Task RunAsync(IServiceProvider services, FakeDeezer deezer)
    {
        var enricher = services.GetRequiredService<TrackMediaEnricher>();
        var cache = services.GetRequiredService<ITrackMediaCache>();
        var all = TrackCatalog.Default.Tracks.Select(t => t.Track).ToList();
        var cached = await cache.GetManyAsync([.. all.Select(t => t.Id)], CancellationToken.None);
        var fresh = all.Where(t => !cached.ContainsKey(t.Id)).ToList();
        var lists = fresh.Chunk(TrackPicker.ListLength).Where(c => c.Length == TrackPicker.ListLength).Take(Lists + 1).ToList();

        var slowList = lists[^1];
        lists.RemoveAt(lists.Count - 1);
        var cold = await TimeAsync(enricher, lists);
        var resolvedCold = await CountResolvedAsync(enricher, lists);
        var warm = await TimeAsync(enricher, lists);

        deezer.Delay = TimeSpan.FromSeconds(2);
        var slow = await TimeAsync(enricher, [slowList]);
        deezer.Delay = TimeSpan.Zero;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            | resolving the media of a list of {TrackPicker.ListLength} tracks ({lists.Count} lists) | median | max |
            | --- | ---: | ---: |
            | cold cache, stand-in answering at once | {Median(cold):F1} ms | {cold.Max():F1} ms |
            | warm cache (the same lists again) | {Median(warm):F2} ms | {warm.Max():F2} ms |
            | cold cache, stand-in answering after 2 s (1 list) | {slow[0]:F0} ms | |

            Cold lists resolved with media within the deadline: {resolvedCold} of {lists.Count * TrackPicker.ListLength} tracks.
            """));
    }

    private static async Task<List<double>> TimeAsync(TrackMediaEnricher enricher, IEnumerable<Track[]> lists)
    {
        var times = new List<double>();
        foreach (var list in lists)
        {
            var clock = Stopwatch.StartNew();
            await enricher.WithMediaAsync(list, CancellationToken.None);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static async Task<int> CountResolvedAsync(TrackMediaEnricher enricher, IEnumerable<Track[]> lists)
    {
        var count = 0;
        foreach (var list in lists)
        {
            count += (await enricher.WithMediaAsync(list, CancellationToken.None)).Count(t => t.Media is not null);
        }

        return count;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
