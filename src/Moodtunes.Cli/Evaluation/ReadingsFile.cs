using System.Globalization;
using Moodtunes.Core;
using Moodtunes.Core.Emotions;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// Writes each image's reading as a CSV row (file, label, face found, the seven probabilities), so thresholds
/// and model weights can be fitted offline without running the pipeline again.
/// </summary>
internal static class ReadingsFile
{
    public static void Write(string path, IEnumerable<ImageReading> readings)
    {
        using var writer = new StreamWriter(path);
        var emotions = Enum.GetValues<Emotion>();
        writer.WriteLine($"file,label,face,{string.Join(',', emotions.Select(e => e.ToWire()))}");
        foreach (var reading in readings)
        {
            var probabilities = reading.Emotions is { } found
                ? emotions.Select(e => found[e].ToString("G9", CultureInfo.InvariantCulture))
                : emotions.Select(_ => string.Empty);
            var face = reading.Unreadable ? "unreadable" : reading.Emotions is null ? "0" : "1";
            writer.WriteLine($"{Quoted(reading.File)},{reading.Label.ToWire()},{face},{string.Join(',', probabilities)}");
        }
    }

    private static string Quoted(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
