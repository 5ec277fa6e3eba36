using Moodtunes.Core.Emotions;

namespace Moodtunes.Cli.Evaluation;

/// <summary>
/// What one evaluation found: all seven emotions and the original team's four over the images that gave a
/// reading, the photos where no face was found (photo path only), and each reading's top confidence.
/// </summary>
internal sealed record EvaluationReport(
    ConfusionMatrix SevenClass,
    ConfusionMatrix FourClass,
    IReadOnlyList<Reading> Readings,
    int Skipped,
    NoFaceCount NoFace,
    IReadOnlyList<double> Milliseconds)
{
    /// <summary>Readable images: those read plus those where no face was found.</summary>
    public int Images => SevenClass.Total + NoFace.All;

    public double SevenClassCountingNoFace => Share(SevenClass.Correct, SevenClass.Total + NoFace.All);

    public double FourClassCountingNoFace => Share(FourClass.Correct, FourClass.Total + NoFace.InFourClassView);

    public double? MedianMilliseconds => Milliseconds.Count == 0 ? null : Milliseconds.Order().ElementAt(Milliseconds.Count / 2);

    /// <summary>The readings the page would claim and those it would ask about (<see cref="EmotionDistribution.IsUnsure"/>).</summary>
    public ConfidenceSplit SplitByPageRule() => Split(r => r.Unsure);

    /// <summary>The readings at or above one top confidence for every emotion, and those below it.</summary>
    public ConfidenceSplit SplitAt(float threshold) => Split(r => r.Confidence < threshold);

    /// <summary>
    /// The lowest top confidence at which the readings at or above it are right at least
    /// <paramref name="accuracy"/> of the time; null when no threshold reaches it.
    /// </summary>
    public float? ThresholdFor(double accuracy) =>
        Readings.Select(r => r.Confidence)
            .Distinct()
            .Order()
            .Select(t => (float?)t)
            .FirstOrDefault(t => SplitAt(t!.Value) is { Sure: > 0 } split && (double)split.SureCorrect / split.Sure >= accuracy);

    private ConfidenceSplit Split(Func<Reading, bool> asks)
    {
        var sure = Readings.Where(r => !asks(r)).ToList();
        var unsure = Readings.Where(asks).ToList();
        return new ConfidenceSplit(sure.Count, sure.Count(r => r.Correct), unsure.Count, unsure.Count(r => r.Correct));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>One reading: its top confidence, whether its top emotion was the labelled one, and whether the page would ask.</summary>
internal readonly record struct Reading(float Confidence, bool Correct, bool Unsure);

/// <summary>Photos where the detector found no face, in all and among the four-class view's labels.</summary>
internal readonly record struct NoFaceCount(int All, int InFourClassView);

/// <summary>Readings at or above a confidence threshold and below it, with how many of each were right.</summary>
internal sealed record ConfidenceSplit(int Sure, int SureCorrect, int Unsure, int UnsureCorrect);

/// <summary>Collects readings for an <see cref="EvaluationReport"/>.</summary>
internal sealed class EvaluationTally
{
    private readonly ConfusionMatrix _seven = new(Enum.GetValues<Emotion>());
    private readonly ConfusionMatrix _four = new(EmotionDistribution.FourClassView);
    private readonly List<Reading> _readings = [];
    private int _skipped;
    private NoFaceCount _noFace;

    public void AddUnreadable() => _skipped++;

    /// <summary>A reading of an image labelled <paramref name="truth"/>.</summary>
    public void Add(Emotion truth, EmotionDistribution prediction)
    {
        _seven.Add(truth, prediction.Top);
        _readings.Add(new Reading(prediction.TopConfidence, prediction.Top == truth, prediction.IsUnsure));
        if (EmotionDistribution.FourClassView.Contains(truth))
        {
            _four.Add(truth, prediction.TopOfFour);
        }
    }

    public void AddNoFace(Emotion truth) =>
        _noFace = new NoFaceCount(_noFace.All + 1, _noFace.InFourClassView + (EmotionDistribution.FourClassView.Contains(truth) ? 1 : 0));

    public EvaluationReport ToReport(IReadOnlyList<double> milliseconds) => new(_seven, _four, _readings, _skipped, _noFace, milliseconds);
}
