using System.Text;
using System.Text.Json;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

/// <summary>Builds small catalogs through the same JSON loader the shipped catalog goes through.</summary>
internal static class CatalogBuilder
{
    public static TrackCatalog Build(IEnumerable<TestTrack> tracks)
    {
        var json = JsonSerializer.Serialize(tracks.Select(t => new
        {
            id = t.Id,
            title = $"Title {t.Id}",
            artist = "Artist",
            language = t.Language,
            url = SpotifyLinks.Search($"Title {t.Id}", "Artist"),
            spotifyTrackId = (string?)null,
            labels = t.Labels,
            valence = t.Valence,
            energy = t.Energy,
        }));
        return Load(json);
    }

    public static TrackCatalog Load(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return TrackCatalog.Load(stream);
    }

    /// <summary><paramref name="count"/> tracks with one label, ids "{prefix}-0".., spread evenly over valence and energy.</summary>
    public static IEnumerable<TestTrack> Spread(string prefix, string label, int count) =>
        Enumerable.Range(0, count).Select(i => new TestTrack($"{prefix}-{i}", [label], i / (double)count, 1 - (i / (double)count)));
}

internal sealed record TestTrack(string Id, string[] Labels, double Valence, double Energy, string Language = "en");
