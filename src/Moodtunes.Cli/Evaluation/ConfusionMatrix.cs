using System.Globalization;
using System.Text;
using Moodtunes.Core;
using Moodtunes.Core.Emotions;

namespace Moodtunes.Cli.Evaluation;

/// <summary>Counts of (true emotion, predicted emotion) over a set of classes, with the usual summaries.</summary>
internal sealed class ConfusionMatrix(IReadOnlyList<Emotion> classes)
{
    private readonly int[,] _counts = new int[classes.Count, classes.Count];

    public IReadOnlyList<Emotion> Classes { get; } = classes;

    public int Total { get; private set; }

    public int Correct { get; private set; }

    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public void Add(Emotion truth, Emotion predicted)
    {
        var t = IndexOf(truth);
        var p = IndexOf(predicted);
        _counts[t, p]++;
        Total++;
        if (t == p)
        {
            Correct++;
        }
    }

    public int this[Emotion truth, Emotion predicted] => _counts[IndexOf(truth), IndexOf(predicted)];

    /// <summary>Share of the class's images predicted as that class (NaN for an empty class).</summary>
    public double Recall(Emotion emotion)
    {
        var t = IndexOf(emotion);
        var row = Enumerable.Range(0, Classes.Count).Sum(p => _counts[t, p]);
        return row == 0 ? double.NaN : (double)_counts[t, t] / row;
    }

    public string ToReport(string title)
    {
        var culture = CultureInfo.InvariantCulture;
        var report = new StringBuilder();
        report.AppendLine(culture, $"{title}: accuracy {Accuracy:P2} ({Correct}/{Total})");
        report.AppendLine(culture, $"  {"recall",-9} {string.Join(" ", Classes.Select(c => $"{c.ToWire(),9}"))}");
        report.AppendLine(culture, $"  {"",-9} {string.Join(" ", Classes.Select(c => $"{Recall(c),9:P1}"))}");
        report.AppendLine("  confusion (rows: true, columns: predicted)");
        foreach (var truth in Classes)
        {
            report.AppendLine(culture, $"  {truth.ToWire(),-9} {string.Join(" ", Classes.Select(p => $"{this[truth, p],9}"))}");
        }

        return report.ToString();
    }

    private int IndexOf(Emotion emotion)
    {
        for (var i = 0; i < Classes.Count; i++)
        {
            if (Classes[i] == emotion)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(emotion), emotion, "Not one of this matrix's classes.");
    }
}
