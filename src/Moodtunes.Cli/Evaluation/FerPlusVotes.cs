using System.Globalization;
using Moodtunes.Core.Emotions;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// The FER+ relabelling of FER2013 (microsoft/FERPlus, MIT): ten annotators' votes per image, as
/// <c>ferplus-votes.csv</c> gives them (<c>file,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF</c>,
/// the file as <c>split/class/name</c>). An image's majority label is the emotion holding more than half of the
/// votes for our seven emotions; contempt, unknown and not-a-face votes are dropped, and an image where they
/// are half of all votes or more has none (the rule training/common.py trains with: training/README.md).
/// </summary>
internal sealed class FerPlusVotes
{
    private static readonly (string Column, Emotion Emotion)[] EmotionColumns =
    [
        ("neutral", Emotion.Neutral), ("happiness", Emotion.Happy), ("surprise", Emotion.Surprise), ("sadness", Emotion.Sad),
        ("anger", Emotion.Angry), ("disgust", Emotion.Disgust), ("fear", Emotion.Fear),
    ];

    private readonly Dictionary<string, Emotion> _majority;

    private FerPlusVotes(Dictionary<string, Emotion> majority) => _majority = majority;

    public int Count => _majority.Count;

    public static FerPlusVotes Load(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        var columns = EmotionColumns.Select(c => (Index: Array.IndexOf(header, c.Column), c.Emotion)).ToArray();
        if (header[0] != "file" || columns.Any(c => c.Index < 0) || header.Length != 11)
        {
            throw new InvalidDataException($"{csvPath}: not a FER+ votes file (expected file and the ten FER+ vote columns).");
        }

        var majority = new Dictionary<string, Emotion>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var fields = line.Split(',');
            if (fields.Length != header.Length || fields[1].Length == 0)
            {
                continue; // FER+ left the image unlabelled
            }

            var votes = fields.Skip(1).Select(f => int.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var kept = columns.Select(c => (Votes: votes[c.Index - 1], c.Emotion)).ToArray();
            var keptTotal = kept.Sum(k => k.Votes);
            var top = kept.MaxBy(k => k.Votes);
            if (keptTotal * 2 > votes.Sum() && top.Votes * 2 > keptTotal)
            {
                majority[fields[0]] = top.Emotion;
            }
        }

        return new FerPlusVotes(majority);
    }

    /// <summary>The majority label of the image at <paramref name="path"/> (keyed by its last three path parts), if it has one.</summary>
    public Emotion? MajorityOf(string path)
    {
        var parts = Path.GetFullPath(path).Split(Path.DirectorySeparatorChar);
        return parts.Length >= 3 && _majority.TryGetValue(string.Join('/', parts[^3..]), out var emotion) ? emotion : null;
    }
}
