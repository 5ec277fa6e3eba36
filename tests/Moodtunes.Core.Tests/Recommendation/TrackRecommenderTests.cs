using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

public sealed class TrackRecommenderTests
{
    private static readonly TrackRecommender Shipped = new(TrackCatalog.Default);

    [Fact]
    public void Other_songs_never_repeat_until_the_candidates_run_out_then_start_over()
    {
        var recommender = new TrackRecommender(CatalogBuilder.Build(CatalogBuilder.Spread("happy", "happy", 20)));
        var random = new Random(7);
        var shown = new List<string>();

        for (var call = 0; call < 3; call++)
        {
            var pick = recommender.ForEmotion(Emotion.Happy, null, shown, random);
            Assert.False(pick.Restarted);
            Assert.Equal(6, pick.Tracks.Count);
            Assert.DoesNotContain(pick.Tracks, t => shown.Contains(t.Id));
            shown.AddRange(pick.Tracks.Select(t => t.Id));
        }

        Assert.Equal(18, shown.Distinct().Count());
        var restarted = recommender.ForEmotion(Emotion.Happy, null, shown, random);
        Assert.True(restarted.Restarted);
        Assert.Equal(6, restarted.Tracks.Count);
        Assert.Equal(6, restarted.Tracks.Select(t => t.Id).Distinct().Count());
    }

    [Fact]
    public void Several_moods_draw_evenly_from_every_chosen_mood()
    {
        var catalog = CatalogBuilder.Build(
            [.. CatalogBuilder.Spread("coffee", "morning-coffee", 12), .. CatalogBuilder.Spread("gym", "exercise", 12), .. CatalogBuilder.Spread("calm", "relaxing", 12)]);
        var recommender = new TrackRecommender(catalog);

        for (var seed = 0; seed < 20; seed++)
        {
            var pick = recommender.ForMoods([Mood.MorningCoffee, Mood.Exercise, Mood.Relaxing], [], new Random(seed));
            foreach (var prefix in new[] { "coffee-", "gym-", "calm-" })
            {
                Assert.Equal(2, pick.Tracks.Count(t => t.Id.StartsWith(prefix, StringComparison.Ordinal)));
            }
        }
    }

    [Fact]
    public void A_mood_that_runs_dry_leaves_its_share_to_the_others()
    {
        var catalog = CatalogBuilder.Build([.. CatalogBuilder.Spread("coffee", "morning-coffee", 2), .. CatalogBuilder.Spread("gym", "exercise", 12)]);
        var pick = new TrackRecommender(catalog).ForMoods([Mood.MorningCoffee, Mood.Exercise], [], new Random(1));

        Assert.Equal(6, pick.Tracks.Count);
        Assert.Equal(2, pick.Tracks.Count(t => t.Id.StartsWith("coffee-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ranking_only_offers_tracks_from_the_window_closest_to_the_target()
    {
        // Happy's target is (0.59, 0.78): the "near" tracks sit around it, the "far" ones in the opposite corner.
        var near = Enumerable.Range(0, 6).Select(i => new TestTrack($"near-{i}", ["happy"], 0.59, 0.78 - (i * 0.01)));
        var far = Enumerable.Range(0, 30).Select(i => new TestTrack($"far-{i}", ["happy"], 0.05, 0.05 + (i * 0.001)));
        var recommender = new TrackRecommender(CatalogBuilder.Build([.. far, .. near]));

        for (var seed = 0; seed < 50; seed++)
        {
            var pick = recommender.ForEmotion(Emotion.Happy, null, [], new Random(seed), count: 2);
            Assert.All(pick.Tracks, t => Assert.StartsWith("near-", t.Id, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Shuffling_within_the_window_varies_the_list()
    {
        var recommender = new TrackRecommender(CatalogBuilder.Build(CatalogBuilder.Spread("happy", "happy", 30)));
        var lists = Enumerable.Range(0, 10)
            .Select(seed => string.Join(",", recommender.ForEmotion(Emotion.Happy, null, [], new Random(seed)).Tracks.Select(t => t.Id)))
            .Distinct();
        Assert.True(lists.Count() > 1);
    }

    [Fact]
    public void The_same_seed_gives_the_same_list()
    {
        var first = Shipped.ForMoods([Mood.Relaxing, Mood.HeartTouching], [], new Random(42));
        var second = Shipped.ForMoods([Mood.Relaxing, Mood.HeartTouching], [], new Random(42));
        Assert.Equal(first.Tracks, second.Tracks);
    }

    [Theory]
    [InlineData(Emotion.Happy, null, "happy")]
    [InlineData(Emotion.Sad, null, "sad")]
    [InlineData(Emotion.Sad, SadnessChoice.Match, "sad")]
    [InlineData(Emotion.Sad, SadnessChoice.CheerUp, "happy")]
    [InlineData(Emotion.Surprise, null, "surprise")]
    [InlineData(Emotion.Angry, null, "angry")]
    [InlineData(Emotion.Fear, null, "fear")]
    [InlineData(Emotion.Disgust, null, "disgust")]
    public void Each_emotion_offers_six_tracks_carrying_its_label(Emotion emotion, SadnessChoice? choice, string label)
    {
        var pick = Shipped.ForEmotion(emotion, choice, [], new Random(3));
        Assert.Equal(6, pick.Tracks.Count);
        Assert.All(pick.Tracks, t => Assert.Contains(label, LabelsOf(t)));
    }

    [Fact]
    public void Cheering_up_a_sad_face_offers_no_sad_songs()
    {
        var pick = Shipped.ForEmotion(Emotion.Sad, SadnessChoice.CheerUp, [], new Random(5));
        Assert.All(pick.Tracks, t => Assert.DoesNotContain("sad", LabelsOf(t)));
    }

    [Fact]
    public void A_neutral_face_with_no_moods_gets_morning_coffee_and_relaxing()
    {
        var pick = Shipped.ForEmotion(Emotion.Neutral, null, [], new Random(11));
        Assert.Equal(6, pick.Tracks.Count);
        Assert.True(pick.Tracks.Count(t => LabelsOf(t).Contains("morning-coffee")) >= 3);
        Assert.True(pick.Tracks.Count(t => LabelsOf(t).Contains("relaxing")) >= 3);
    }

    [Fact]
    public void No_moods_means_the_default_moods()
    {
        var none = Shipped.ForMoods([], [], new Random(9));
        var defaults = Shipped.ForMoods(TrackRecommender.DefaultMoods.ToArray(), [], new Random(9));
        Assert.Equal(defaults.Tracks, none.Tracks);
    }

    [Fact]
    public void Every_mood_alone_offers_tracks_carrying_it()
    {
        foreach (var mood in Enum.GetValues<Mood>())
        {
            var pick = Shipped.ForMoods([mood], [], new Random(2));
            Assert.Equal(6, pick.Tracks.Count);
            Assert.All(pick.Tracks, t => Assert.Contains(mood.ToWire(), LabelsOf(t)));
        }
    }

    [Fact]
    public void A_count_below_one_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Shipped.ForEmotion(Emotion.Happy, null, [], new Random(1), count: 0));
    }

    private static IReadOnlySet<string> LabelsOf(Track track) =>
        TrackCatalog.Default.Tracks.Single(t => t.Track.Id == track.Id).Labels.Select(l => l.ToWire()).ToHashSet();
}
