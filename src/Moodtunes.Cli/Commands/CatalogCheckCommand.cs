using System.Globalization;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Cli.Commands;

/// <summary>
/// <c>catalog-check</c>: resolves every catalog entry through the music provider (on a machine with internet) and
/// reports the entries it has no confident match for, or could not ask about, so the catalog can be corrected.
/// </summary>
internal static class CatalogCheckCommand
{
    /// <summary>A few lookups at a time: enough to finish in minutes, few enough not to hit the provider's quota.</summary>
    private const int Concurrency = 4;

    public static async Task<int> RunAsync(TrackCatalog catalog, ITrackMediaResolver resolver, TextWriter output, CancellationToken cancellationToken)
    {
        var results = new (CatalogTrack Entry, string? Problem)[catalog.Tracks.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, catalog.Tracks.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var entry = catalog.Tracks[i];
                string? problem;
                try
                {
                    problem = await resolver.FindAsync(entry.Track, token).ConfigureAwait(false) switch
                    {
                        null => "no confident match",
                        { HasPreview: false } => "found, but no preview",
                        _ => null,
                    };
                }
                catch (TrackProviderException e)
                {
                    problem = "not checked: " + e.Message;
                }

                results[i] = (entry, problem);
            }).ConfigureAwait(false);

        var problems = results.Where(r => r.Problem is not null).ToList();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"# Catalog check against {resolver.Provider}: {catalog.Tracks.Count - problems.Count} of {catalog.Tracks.Count} entries found with a preview"));
        output.WriteLine();
        output.WriteLine("| id | title | artist | problem |");
        output.WriteLine("| --- | --- | --- | --- |");
        foreach (var (entry, problem) in problems)
        {
            output.WriteLine($"| {entry.Track.Id} | {entry.Track.Title} | {entry.Track.Artist} | {problem} |");
        }

        return problems.Count == 0 ? 0 : 1;
    }
}
