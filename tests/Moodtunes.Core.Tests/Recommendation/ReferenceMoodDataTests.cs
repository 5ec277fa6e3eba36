using System.Text;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Core.Tests.Recommendation;

/// <summary>
/// Checks the design against shared/data/music/data_moods.csv (read at test time, never copied): its Calm,
/// Sad, Happy and Energetic classes stand in for our labels relaxing, sad, happy and exercise.
/// </summary>
public sealed class ReferenceMoodDataTests
{
    private static readonly Dictionary<string, string> LabelForClass = new(StringComparer.Ordinal)
    {
        ["Calm"] = "relaxing",
        ["Sad"] = "sad",
        ["Happy"] = "happy",
        ["Energetic"] = "exercise",
    };

    [SkippableFact]
    public void Filtering_by_label_keeps_the_relaxing_target_from_pulling_in_mostly_sad_tracks()
    {
        var rows = ReadRows();
        var target = MusicTargets.Relaxing;

        // Distance alone: the nearest 24 are mostly Sad, the finding that motivates the label filter.
        var nearest = rows.OrderBy(r => target.DistanceTo(r.Valence, r.Energy)).Take(24).ToList();
        Assert.True(nearest.Count(r => r.MoodClass == "Sad") > nearest.Count / 2, "expected distance alone to favour Sad");

        var catalog = CatalogBuilder.Build(rows.Select(r => new TestTrack(r.Id, [LabelForClass[r.MoodClass]], r.Valence, r.Energy)));
        var classOf = rows.ToDictionary(r => r.Id, r => r.MoodClass, StringComparer.Ordinal);
        var recommender = new TrackRecommender(catalog);
        for (var seed = 0; seed < 20; seed++)
        {
            var pick = recommender.ForMoods([Mood.Relaxing], [], new Random(seed), count: 8);
            Assert.All(pick.Tracks, t => Assert.Equal("Calm", classOf[t.Id]));
        }
    }

    [SkippableFact]
    public void The_targets_sit_closer_to_their_own_class_median_than_to_any_other()
    {
        var rows = ReadRows();
        var medians = rows.GroupBy(r => r.MoodClass).ToDictionary(
            g => g.Key,
            g => new MusicTarget(Median(g.Select(r => r.Valence)), Median(g.Select(r => r.Energy))));

        (MusicTarget Target, string Class)[] expectations =
        [
            (MusicTargets.Happy, "Happy"), (MusicTargets.SadMatch, "Sad"), (MusicTargets.Exercise, "Energetic"),
        ];
        foreach (var (target, moodClass) in expectations)
        {
            var closest = medians.MinBy(m => target.DistanceTo(m.Value.Valence, m.Value.Energy)).Key;
            Assert.Equal(moodClass, closest);
            Assert.True(target.DistanceTo(medians[moodClass].Valence, medians[moodClass].Energy) < 0.01);
        }
    }

    private static List<Row> ReadRows()
    {
        var path = FindDataFile();
        Skip.If(path is null, "shared/data/music/data_moods.csv was not found beside the repository; skipping the reference-data check.");
        var lines = File.ReadAllLines(path!);
        var header = SplitCsv(lines[0]);
        int Column(string name) => header.IndexOf(name);
        var (id, valence, energy, mood) = (Column("id"), Column("valence"), Column("energy"), Column("mood"));
        return
        [
            .. lines.Skip(1).Where(l => l.Length > 0).Select(SplitCsv).Select(f => new Row(
                f[id],
                double.Parse(f[valence], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[energy], System.Globalization.CultureInfo.InvariantCulture),
                f[mood])),
        ];
    }

    /// <summary>The repository root holds Serverless.sln; shared/ sits beside it.</summary>
    private static string? FindDataFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.sln")))
            {
                var path = Path.Combine(dir.FullName, "..", "shared", "data", "music", "data_moods.csv");
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private sealed record Row(string Id, double Valence, double Energy, string MoodClass);
}
