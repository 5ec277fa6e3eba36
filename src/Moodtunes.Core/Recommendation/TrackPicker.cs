using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>
/// The one entry point for the songs an analysis offers (the analyzer's first list, then the moods or sadness
/// choice the user asks for, and "other songs" without repeating any track of that request): draws them from the
/// catalog (<see cref="TrackRecommender"/>), links them (<see cref="ITrackLinkResolver"/>) and adds their media
/// (<see cref="TrackMediaEnricher"/>).
/// </summary>
public sealed class TrackPicker(TrackRecommender recommender, ITrackLinkResolver links, TrackMediaEnricher media)
{
    /// <summary>How many tracks one list offers.</summary>
    public const int ListLength = 6;

    public async Task<TrackSelection> ForEmotionAsync(Emotion emotion, CancellationToken cancellationToken)
    {
        var pick = recommender.ForEmotion(emotion, choice: null, alreadyShown: [], Random.Shared, ListLength);
        return await ToSelectionAsync(pick, moods: [], sadnessChoice: null, shownBefore: [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A new list for the request. With <paramref name="more"/> and the same moods and choice as the
    /// current list, tracks offered before are skipped until none are left.
    /// </summary>
    public async Task<(TrackSelection Selection, bool Restarted)> NextAsync(
        Emotion emotion,
        TrackSelection? current,
        IReadOnlyList<Mood> moods,
        SadnessChoice? sadnessChoice,
        bool more,
        CancellationToken cancellationToken)
    {
        // Kept in wire-name order, as the API has always listed them.
        var sortedMoods = moods.OrderBy(m => m.ToWire(), StringComparer.Ordinal).ToList();
        var sameRequest = current is not null
            && current.Moods.Order().SequenceEqual(sortedMoods.Order())
            && current.SadnessChoice == sadnessChoice;
        IReadOnlyList<string> shown = more && sameRequest ? current!.ShownIds : [];

        var pick = moods.Count > 0
            ? recommender.ForMoods(moods, shown, Random.Shared, ListLength)
            : recommender.ForEmotion(emotion, sadnessChoice, shown, Random.Shared, ListLength);
        var selection = await ToSelectionAsync(pick, sortedMoods, sadnessChoice, pick.Restarted ? [] : shown, cancellationToken)
            .ConfigureAwait(false);
        return (selection, pick.Restarted);
    }

    private async Task<TrackSelection> ToSelectionAsync(
        RecommendedTracks pick,
        IReadOnlyList<Mood> moods,
        SadnessChoice? sadnessChoice,
        IReadOnlyList<string> shownBefore,
        CancellationToken cancellationToken)
    {
        var linked = await links.ResolveAllAsync(pick.Tracks, cancellationToken).ConfigureAwait(false);
        var tracks = await media.WithMediaAsync(linked, cancellationToken).ConfigureAwait(false);
        return new TrackSelection
        {
            Moods = moods,
            SadnessChoice = sadnessChoice,
            Current = tracks,
            ShownIds = [.. shownBefore, .. pick.Tracks.Select(t => t.Id)],
        };
    }
}
