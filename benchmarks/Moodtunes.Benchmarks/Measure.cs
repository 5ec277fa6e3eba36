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
}
