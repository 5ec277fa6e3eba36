using System.Text.RegularExpressions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

public sealed partial class TrackReasonsTests
{
    private static readonly (double Valence, double Energy)[] Points =
        [(0.1, 0.1), (0.4, 0.5), (0.6, 0.7), (0.9, 0.95), (0, 1), (1, 0)];

    public static TheoryData<string> Labels => [.. CatalogLabels.All.Select(l => l.ToWire())];

    [Theory]
    [MemberData(nameof(Labels))]
    public void Every_label_at_every_point_gets_an_english_and_a_korean_line(string wire)
    {
        Assert.True(WireNames.TryParse<CatalogLabel>(wire, out var label));
        foreach (var (valence, energy) in Points)
        {
            var reason = TrackReasons.For(Track([wire], valence, energy), label);
            Assert.Matches(EnglishLine(), reason.En);
            Assert.Matches(Hangul(), reason.Ko);
            Assert.DoesNotContain('\n', reason.En + reason.Ko);
        }
    }

    [Fact]
    public void Different_energies_are_described_with_different_words()
    {
        double[] energies = [0.1, 0.5, 0.7, 0.95];
        var reasons = energies.Select(e => TrackReasons.For(Track(["relaxing"], 0.6, e), CatalogLabel.Relaxing)).ToList();
        Assert.Equal(energies.Length, reasons.Select(r => r.En).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(energies.Length, reasons.Select(r => r.Ko).Distinct(StringComparer.Ordinal).Count());
        Assert.StartsWith("Calm", reasons[0].En, StringComparison.Ordinal);
        Assert.StartsWith("High-energy", reasons[^1].En, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_valences_and_purposes_change_the_line()
    {
        var track = Track(["sad", "relaxing"], 0.1, 0.2);
        Assert.NotEqual(TrackReasons.For(track, CatalogLabel.Sad), TrackReasons.For(track, CatalogLabel.Relaxing));
        Assert.NotEqual(TrackReasons.For(track, CatalogLabel.Sad), TrackReasons.For(Track(["sad"], 0.9, 0.2), CatalogLabel.Sad));
    }

    [Fact]
    public void The_line_is_deterministic_and_without_a_pick_uses_the_first_label_the_track_carries()
    {
        var track = Track(["relaxing", "sad"], 0.45, 0.3);
        Assert.Equal(TrackReasons.For(track, null), TrackReasons.For(track, null));
        // Sad comes before Relaxing in CatalogLabels.All, whatever order the entry lists them in.
        Assert.Equal(TrackReasons.For(track, CatalogLabel.Sad), TrackReasons.For(track, null));
        Assert.Equal("Calm and bittersweet, for when you feel low", TrackReasons.For(track, null).En);
        Assert.Equal("잔잔하고 애틋한 노래, 마음이 가라앉을 때", TrackReasons.For(track, null).Ko);
    }

    [Fact]
    public void The_facets_the_page_words_are_the_ones_the_line_is_made_of()
    {
        var track = Track(["relaxing", "sad"], 0.45, 0.3);

        Assert.Equal(new TrackFacets(SoundEnergy.Calm, SoundValence.Bittersweet, CatalogLabel.Sad), TrackReasons.Facets(track, null));
        Assert.Equal(new TrackFacets(SoundEnergy.HighEnergy, SoundValence.Bright, CatalogLabel.Exercise), TrackReasons.Facets(Track(["exercise"], 0.9, 0.95), null));
        Assert.Equal("high-energy", SoundEnergy.HighEnergy.ToWire());
    }

    [Fact]
    public void Every_shipped_track_gets_a_line_for_each_of_its_labels()
    {
        foreach (var track in TrackCatalog.Default.Tracks)
        {
            foreach (var label in track.Labels.Cast<CatalogLabel?>().Append(null))
            {
                var reason = TrackReasons.For(track, label);
                Assert.False(string.IsNullOrWhiteSpace(reason.En), track.Track.Id);
                Assert.Matches(Hangul(), reason.Ko);
            }
        }
    }

    private static CatalogTrack Track(string[] labels, double valence, double energy) =>
        CatalogBuilder.Build([new TestTrack("t", labels, valence, energy)]).Tracks[0];

    [GeneratedRegex("^[A-Z][a-z-]+ and [a-z]+, [a-z ]+$")]
    private static partial Regex EnglishLine();

    [GeneratedRegex("\\p{IsHangulSyllables}")]
    private static partial Regex Hangul();
}
