using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

public sealed class WireNamesTests
{
    [Theory]
    [InlineData(Mood.MorningCoffee, "morning-coffee")]
    [InlineData(Mood.Relaxing, "relaxing")]
    [InlineData(Mood.Exercise, "exercise")]
    [InlineData(Mood.HeartTouching, "heart-touching")]
    public void Moods_round_trip_through_their_wire_names(Mood mood, string wire)
    {
        Assert.Equal(wire, mood.ToWire());
        Assert.True(WireNames.TryParse<Mood>(wire, out var parsed));
        Assert.Equal(mood, parsed);
    }

    [Theory]
    [InlineData(SadnessChoice.Match, "match")]
    [InlineData(SadnessChoice.CheerUp, "cheer-up")]
    public void Sadness_choices_round_trip_through_their_wire_names(SadnessChoice choice, string wire)
    {
        Assert.Equal(wire, choice.ToWire());
        Assert.True(WireNames.TryParse<SadnessChoice>(wire, out var parsed));
        Assert.Equal(choice, parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("MorningCoffee")]
    [InlineData("0")]
    [InlineData("cheer-up")]
    public void Unknown_mood_names_do_not_parse(string? wire) => Assert.False(WireNames.TryParse<Mood>(wire, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("CheerUp")]
    [InlineData("1")]
    public void Unknown_sadness_choices_do_not_parse(string? wire) => Assert.False(WireNames.TryParse<SadnessChoice>(wire, out _));

    [Fact]
    public void Catalog_labels_are_the_emotions_but_neutral_and_the_moods()
    {
        Assert.Equal(
            ["angry", "disgust", "fear", "happy", "sad", "surprise", "morning-coffee", "relaxing", "exercise", "heart-touching"],
            CatalogLabels.All.Select(l => l.ToWire()));
    }

    [Fact]
    public void Every_emotion_has_a_message_in_english_and_korean()
    {
        foreach (var emotion in Enum.GetValues<Emotion>())
        {
            var message = EmotionMessages.For(emotion);
            Assert.False(string.IsNullOrWhiteSpace(message.En));
            Assert.Contains(message.Ko, c => c is >= '\uAC00' and <= '\uD7A3');
        }

        Assert.Equal(7, Enum.GetValues<Emotion>().Select(e => EmotionMessages.For(e).En).Distinct().Count());
    }
}
