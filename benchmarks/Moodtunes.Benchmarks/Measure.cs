using System.Diagnostics;

namespace Moodtunes.Benchmarks;

/// <summary>Runs an action repeatedly after a warm-up and reports the median and 95th percentile.</summary>
internal static class Measure
{
    public static (double Median, double P95) Milliseconds(Action action, int warmup, int runs)
    {
        for (var i = 0; i < warmup; i++)
        {
            action();
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            samples[i] = clock.Elapsed.TotalMilliseconds;
        }

        Array.Sort(samples);
        return (samples[runs / 2], samples[(int)Math.Ceiling(runs * 0.95) - 1]);
    }

    /// <summary>
    /// Two actions measured in turns (a, b, a, b, ...) so both see the same load on a shared machine;
    /// the medians of each.
    /// </summary>
    public static (double First, double Second) PairedMedians(Action first, Action second, int warmup, int runs)
    {
        var (a, b) = (new double[runs], new double[runs]);
        for (var i = -warmup; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            first();
            var split = clock.Elapsed.TotalMilliseconds;
            second();
            if (i >= 0)
            {
                (a[i], b[i]) = (split, clock.Elapsed.TotalMilliseconds - split);
            }
        }

        Array.Sort(a);
        Array.Sort(b);
        return (a[runs / 2], b[runs / 2]);
    }
}
