using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>
/// Draws the songs of one list from the catalog (for <see cref="TrackPicker"/>): filter by our labels first, rank
/// by distance to a valence/energy target, then shuffle among the best few times <c>count</c> so "other songs" varies. Distance alone mixes moods
/// (a relaxing target pulls in mostly sad songs), hence the label filter.
/// </summary>
public sealed class TrackRecommender(TrackCatalog catalog)
{
    /// <summary>How many times the requested count the shuffle window spans.</summary>
    public const int WindowFactor = 3;

    /// <summary>The moods used when the face reads neutral and the user picked none.</summary>
    public static IReadOnlyList<Mood> DefaultMoods { get; } = [Mood.MorningCoffee, Mood.Relaxing];

    /// <summary>
    /// Songs for the face's emotion. Sad follows <paramref name="choice"/> (default: match); neutral uses
    /// <see cref="DefaultMoods"/>; angry, fear and disgust use their own labels (calming, reassuring, refreshing).
    /// </summary>
    public RecommendedTracks ForEmotion(
        Emotion emotion, SadnessChoice? choice, IReadOnlyCollection<string> alreadyShown, Random random, int count = 6) =>
        emotion == Emotion.Neutral
            ? ForMoods(DefaultMoods, alreadyShown, random, count)
            : Pick([PoolFor(emotion, choice)], alreadyShown, random, count);

    /// <summary>Songs for the picked moods, drawn evenly from each; no moods means <see cref="DefaultMoods"/>.</summary>
    public RecommendedTracks ForMoods(IReadOnlyCollection<Mood> moods, IReadOnlyCollection<string> alreadyShown, Random random, int count = 6)
    {
        ArgumentNullException.ThrowIfNull(moods);
        var chosen = moods.Count == 0 ? DefaultMoods : moods.Distinct();
        return Pick([.. chosen.Select(m => new Pool(CatalogLabels.For(m), MusicTargets.For(m)))], alreadyShown, random, count);
    }

    private static Pool PoolFor(Emotion emotion, SadnessChoice? choice) => emotion switch
    {
        Emotion.Sad when choice == SadnessChoice.CheerUp => new(CatalogLabel.Happy, MusicTargets.SadCheerUp),
        Emotion.Sad => new(CatalogLabel.Sad, MusicTargets.SadMatch),
        Emotion.Happy => new(CatalogLabel.Happy, MusicTargets.Happy),
        Emotion.Surprise => new(CatalogLabel.Surprise, MusicTargets.Surprise),
        Emotion.Angry => new(CatalogLabel.Angry, MusicTargets.Angry),
        Emotion.Fear => new(CatalogLabel.Fear, MusicTargets.Fear),
        Emotion.Disgust => new(CatalogLabel.Disgust, MusicTargets.Disgust),
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, null),
    };

    private RecommendedTracks Pick(IReadOnlyList<Pool> pools, IReadOnlyCollection<string> alreadyShown, Random random, int count)
    {
        ArgumentNullException.ThrowIfNull(alreadyShown);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);

        var shown = alreadyShown.ToHashSet(StringComparer.Ordinal);
        var tracks = Draw(pools, shown, random, count);
        return tracks.Count == count || shown.Count == 0
            ? new RecommendedTracks(tracks, Restarted: false)
            : new RecommendedTracks(Draw(pools, [], random, count), Restarted: true);
    }

    private List<Track> Draw(IReadOnlyList<Pool> pools, HashSet<string> excluded, Random random, int count)
    {
        var ranked = pools.Select(pool => Rank(pool, excluded)).ToList();
        var drawn = pools.Select(_ => new List<Track>()).ToList();
        var taken = new HashSet<string>(StringComparer.Ordinal);

        var quotas = Quotas(pools.Count, count, random);
        for (var i = 0; i < pools.Count; i++)
        {
            drawn[i].AddRange(TakeFromWindow(ranked[i], quotas[i], taken, random));
        }

        // A pool short of candidates leaves room that the others fill, one song at a time to stay even.
        var progress = true;
        while (taken.Count < count && progress)
        {
            progress = false;
            for (var i = 0; i < pools.Count && taken.Count < count; i++)
            {
                var more = TakeFromWindow(ranked[i], 1, taken, random);
                drawn[i].AddRange(more);
                progress |= more.Count > 0;
            }
        }

        return Interleave(drawn);
    }

    private List<CatalogTrack> Rank(Pool pool, HashSet<string> excluded) =>
    [
        .. catalog.WithLabel(pool.Label)
            .Where(t => !excluded.Contains(t.Track.Id))
            .OrderBy(t => pool.Target.DistanceTo(t.Valence, t.Energy))
            .ThenBy(t => t.Track.Id, StringComparer.Ordinal),
    ];

    /// <summary>Splits the count evenly; the remainder goes to randomly chosen pools so no mood is favoured.</summary>
    private static int[] Quotas(int poolCount, int count, Random random)
    {
        var order = Enumerable.Range(0, poolCount).ToArray();
        random.Shuffle(order);
        var quotas = new int[poolCount];
        for (var i = 0; i < poolCount; i++)
        {
            quotas[order[i]] = (count / poolCount) + (i < count % poolCount ? 1 : 0);
        }

        return quotas;
    }

    /// <summary>Takes <paramref name="quota"/> random songs from the closest not yet taken, removing them from the ranking.</summary>
    private static List<Track> TakeFromWindow(List<CatalogTrack> ranked, int quota, HashSet<string> taken, Random random)
    {
        ranked.RemoveAll(t => taken.Contains(t.Track.Id));
        var window = ranked.Take(Math.Max(quota, WindowFactor * quota)).ToArray();
        random.Shuffle(window);
        var chosen = window.Take(quota).ToList();
        foreach (var track in chosen)
        {
            ranked.Remove(track);
            taken.Add(track.Track.Id);
        }

        return [.. chosen.Select(t => t.Track)];
    }

    private static List<Track> Interleave(List<List<Track>> lists)
    {
        var result = new List<Track>();
        for (var round = 0; result.Count < lists.Sum(l => l.Count); round++)
        {
            result.AddRange(lists.Where(l => round < l.Count).Select(l => l[round]));
        }

        return result;
    }

    private sealed record Pool(CatalogLabel Label, MusicTarget Target);
}
