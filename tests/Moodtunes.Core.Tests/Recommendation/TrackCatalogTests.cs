using System.Text.RegularExpressions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

public sealed partial class TrackCatalogTests
{
    private static readonly CatalogLabel[] PerLanguageLabels =
        [CatalogLabel.Happy, CatalogLabel.Sad, CatalogLabel.MorningCoffee, CatalogLabel.Relaxing, CatalogLabel.Exercise, CatalogLabel.HeartTouching];

    private static IReadOnlyList<CatalogTrack> Shipped => TrackCatalog.Default.Tracks;

    [Fact]
    public void Shipped_catalog_has_at_least_600_tracks_at_least_45_percent_of_them_korean()
    {
        Assert.True(Shipped.Count >= 600, $"only {Shipped.Count} tracks");
        var korean = Shipped.Count(t => t.Track.Language == TrackLanguage.Ko) / (double)Shipped.Count;
        Assert.True(korean >= 0.45, $"only {korean:P0} of the tracks are Korean");
        Assert.All(Shipped, t => Assert.Contains(t.Track.Language, new[] { TrackLanguage.Ko, TrackLanguage.En }));
    }

    [Fact]
    public void Every_label_has_at_least_25_tracks()
    {
        foreach (var label in CatalogLabels.All)
        {
            var count = TrackCatalog.Default.WithLabel(label).Count;
            Assert.True(count >= 25, $"label '{label}' has {count} tracks");
        }
    }

    [Fact]
    public void Happy_sad_and_every_mood_have_at_least_10_tracks_in_each_language()
    {
        foreach (var label in PerLanguageLabels)
        {
            foreach (var language in new[] { TrackLanguage.Ko, TrackLanguage.En })
            {
                var count = TrackCatalog.Default.WithLabel(label).Count(t => t.Track.Language == language);
                Assert.True(count >= 10, $"label '{label}' has {count} '{language}' tracks");
            }
        }
    }

    [Fact]
    public void Ids_are_unique_slugs()
    {
        Assert.Equal(Shipped.Count, Shipped.Select(t => t.Track.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Shipped, t => Assert.Matches(SlugPattern(), t.Track.Id));
    }

    [Fact]
    public void Every_track_links_to_a_spotify_search_for_its_title_and_artist_and_claims_no_track_id()
    {
        Assert.All(Shipped, t =>
        {
            Assert.Equal(SpotifyLinks.Search(t.Track.Title, t.Track.Artist), t.Track.Url);
            Assert.Null(t.Track.SpotifyTrackId);
        });
    }

    [Fact]
    public void Search_links_encode_spaces_and_hangul()
    {
        Assert.Equal("https://open.spotify.com/search/%EB%B0%A4%EC%96%91%EA%B0%B1%20BIBI", SpotifyLinks.Search("밤양갱", "BIBI"));
    }

    [Fact]
    public void Loading_rejects_a_duplicate_id()
    {
        var track = new TestTrack("same", ["happy"], 0.5, 0.5);
        var error = Assert.Throws<InvalidDataException>(() => CatalogBuilder.Build([track, track]));
        Assert.Contains("'same' appears twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("neutral", "en", 0.5)]
    [InlineData("happy", "fr", 0.5)]
    [InlineData("happy", "en", 1.5)]
    public void Loading_rejects_an_invalid_entry(string label, string language, double valence)
    {
        Assert.Throws<InvalidDataException>(() => CatalogBuilder.Build([new TestTrack("x", [label], valence, 0.5, language)]));
    }

    [Fact]
    public void Loading_rejects_a_link_that_is_not_https()
    {
        const string json = """[{"id":"x","title":"T","artist":"A","language":"en","url":"javascript:alert(1)","labels":["happy"],"valence":0.5,"energy":0.5}]""";
        Assert.Throws<InvalidDataException>(() => CatalogBuilder.Load(json));
    }

    [Fact]
    public void Loading_rejects_malformed_json()
    {
        Assert.Throws<InvalidDataException>(() => CatalogBuilder.Load("[{"));
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
