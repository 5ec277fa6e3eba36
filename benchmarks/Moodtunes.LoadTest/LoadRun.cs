using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Moodtunes.LoadTest;

/// <summary>What many devices uploading at once saw.</summary>
internal sealed record LoadResult(IReadOnlyList<Attempt> Attempts, TimeSpan Wall, int Duplicated)
{
    public int Done => Attempts.Count(a => a.Status == "done");

    public int Failed => Attempts.Count(a => a.Status == "failed");

    public int Lost => Attempts.Count(a => a.Status == "lost");

    /// <summary>Every upload ended done or failed-with-reason, exactly once.</summary>
    public bool Clean => Lost == 0 && Duplicated == 0 && Done + Failed == Attempts.Count;

    public double LatencyPercentile(double p)
    {
        var sorted = Attempts.Select(a => a.Latency.TotalMilliseconds).Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    public string ToReport()
    {
        var culture = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine("| devices | done | failed | lost | duplicated | throughput | p50 | p95 | p99 |");
        report.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(culture,
            $"| {Attempts.Count} | {Done} | {Failed} | {Lost} | {Duplicated} | {Attempts.Count / Wall.TotalSeconds:F1} analyses/s | {LatencyPercentile(0.50):F0} ms | {LatencyPercentile(0.95):F0} ms | {LatencyPercentile(0.99):F0} ms |");
        foreach (var reason in Attempts.Where(a => a.FailureCode is not null).GroupBy(a => a.FailureCode))
        {
            report.AppendLine(culture, $"failed with {reason.Key}: {reason.Count()}");
        }

        return report.ToString();
    }
}

/// <summary>Many devices at once against one server.</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(Uri server, byte[] photo, int devices, TimeSpan pollEvery, TimeSpan giveUpAfter)
    {
        using var http = new HttpClient { Timeout = giveUpAfter };
        var sessions = Enumerable.Range(0, devices).Select(_ => new DeviceSession(http, server)).ToList();
        var clock = Stopwatch.StartNew();
        var attempts = await Task.WhenAll(sessions.Select(s => s.UploadAndWaitAsync(photo, pollEvery, giveUpAfter, CancellationToken.None)))
            .ConfigureAwait(false);
        var wall = clock.Elapsed;
        var histories = await Task.WhenAll(sessions.Select(s => s.HistoryCountAsync(CancellationToken.None))).ConfigureAwait(false);
        return new LoadResult(attempts, wall, histories.Count(h => h != 1));
    }
}
