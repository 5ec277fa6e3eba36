using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Tests.Emotions;

public sealed class EmotionDistributionTests
{
    [SkippableTheory]
    [InlineData(Emotion.Angry)]
    [InlineData(Emotion.Sad)]
    [InlineData(Emotion.Neutral)]
    public void A_reading_just_under_its_emotions_threshold_is_unsure_and_one_at_it_is_not(Emotion emotion)
    {
        var threshold = EmotionDistribution.UnsureBelow(emotion);
        Skip.If(threshold <= 0.2f, $"{emotion} readings are never unsure");

        Assert.True(Reading(emotion, threshold - 0.01f).IsUnsure);
        Assert.False(Reading(emotion, threshold).IsUnsure);
    }

    [Fact]
    public void Every_threshold_is_a_probability_that_can_still_be_the_top_one()
    {
        Assert.All(Enum.GetValues<Emotion>(), e => Assert.InRange(EmotionDistribution.UnsureBelow(e), 0f, 1f));
    }

    /// <summary>A distribution whose top emotion is <paramref name="top"/> at <paramref name="confidence"/>, the rest spread evenly.</summary>
    private static EmotionDistribution Reading(Emotion top, float confidence)
    {
        var rest = (1 - confidence) / (EmotionDistribution.EmotionCount - 1);
        return new EmotionDistribution([.. Enum.GetValues<Emotion>().Select(e => e == top ? confidence : rest)]);
    }
}
