using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

/// <summary>The one entry point for an analysis's songs: drawn from the injected catalog, linked, and "other songs" without repeats.</summary>
public sealed class TrackPickerTests
{
    private static readonly TrackCatalog Catalog = CatalogBuilder.Build(
        [.. CatalogBuilder.Spread("happy", "happy", 3 * TrackPicker.ListLength), .. CatalogBuilder.Spread("calm", "relaxing", 2 * TrackPicker.ListLength)]);

    private readonly TrackPicker _picker = new(new TrackRecommender(Catalog), new MarkingLinks(), new TrackMediaEnricher(new NoCache(), TimeProvider.System));

    [Fact]
    public async Task The_first_list_follows_the_emotion_and_carries_resolved_links()
    {
        var selection = await _picker.ForEmotionAsync(Emotion.Happy, CancellationToken.None);

        Assert.Equal(TrackPicker.ListLength, selection.Current.Count);
        Assert.All(selection.Current, t => Assert.StartsWith("happy-", t.Id, StringComparison.Ordinal));
        Assert.All(selection.Current, t => Assert.Equal(MarkingLinks.Url, t.Url));
        Assert.Equal(selection.Current.Select(t => t.Id), selection.ShownIds);
    }

    [Fact]
    public async Task Other_songs_for_the_same_request_skip_what_was_offered_and_a_new_request_starts_afresh()
    {
        var first = await _picker.ForEmotionAsync(Emotion.Happy, CancellationToken.None);

        var (more, restarted) = await _picker.NextAsync(Emotion.Happy, first, [], sadnessChoice: null, more: true, CancellationToken.None);
        var (moods, _) = await _picker.NextAsync(Emotion.Happy, more, [Mood.Relaxing], sadnessChoice: null, more: true, CancellationToken.None);

        Assert.False(restarted);
        Assert.Empty(more.Current.Select(t => t.Id).Intersect(first.ShownIds));
        Assert.Equal(2 * TrackPicker.ListLength, more.ShownIds.Count);
        Assert.All(moods.Current, t => Assert.StartsWith("calm-", t.Id, StringComparison.Ordinal));
        Assert.Equal(moods.Current.Select(t => t.Id), moods.ShownIds);
    }

    private sealed class MarkingLinks : ITrackLinkResolver
    {
        public const string Url = "https://open.spotify.com/track/resolved";

        public Task<Track> ResolveAsync(Track track, CancellationToken cancellationToken) => Task.FromResult(track with { Url = Url });
    }

    private sealed class NoCache : ITrackMediaCache
    {
        public Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, CachedTrackMedia>>(new Dictionary<string, CachedTrackMedia>());

        public Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
