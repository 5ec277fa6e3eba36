using System.Collections.ObjectModel;

namespace Moodtunes.Core.Emotions;

/// <summary>Probabilities over the seven emotions (summing to 1), with the original team's four-class view.</summary>
public sealed class EmotionDistribution
{
    /// <summary>The four emotions the original team classified: happiness, sadness, surprise, neutral.</summary>
    public static readonly IReadOnlyList<Emotion> FourClassView = [Emotion.Happy, Emotion.Sad, Emotion.Surprise, Emotion.Neutral];

    /// <summary>
    /// For each emotion, the top probability below which a reading of that emotion counts as unsure: the page
    /// then asks rather than claims. Fitted on the dev photos (photos-dev/tcce + wild, `eval --photos --readings`,
    /// training/fit_unsure.py) as the fewest asks that keep the readings it does not ask about right at least
    /// 80 % of the time on each set, then shrunk halfway back to the one threshold that does it for every
    /// emotion (0.61), so as to lean less on these photos. In <see cref="Emotion"/> order.
    /// </summary>
    private static readonly float[] UnsureThresholds = [0.31f, 0.31f, 0.48f, 0.61f, 0.61f, 0.31f, 0.60f];

    private readonly float[] _probabilities;

    public EmotionDistribution(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length != EmotionCount)
        {
            throw new ArgumentException($"Expected {EmotionCount} probabilities, got {probabilities.Length}.", nameof(probabilities));
        }

        _probabilities = probabilities.ToArray();
    }

    public static int EmotionCount => Enum.GetValues<Emotion>().Length;

    public float this[Emotion emotion] => _probabilities[(int)emotion];

    /// <summary>The most likely of the seven emotions.</summary>
    public Emotion Top => (Emotion)ArgMax(_probabilities);

    public float TopConfidence => _probabilities[(int)Top];

    /// <summary>True when the model is not sure enough of <see cref="Top"/> to claim it: the page asks instead.</summary>
    public bool IsUnsure => TopConfidence < UnsureBelow(Top);

    /// <summary>The top probability below which a reading of <paramref name="emotion"/> counts as unsure.</summary>
    public static float UnsureBelow(Emotion emotion) => UnsureThresholds[(int)emotion];

    /// <summary>The most likely of the four-class view (angry, disgust and fear are ignored).</summary>
    public Emotion TopOfFour => FourClassView.MaxBy(e => _probabilities[(int)e]);

    /// <summary>The four-class view renormalised to sum to 1.</summary>
    public IReadOnlyDictionary<Emotion, float> FourClassProbabilities
    {
        get
        {
            var total = FourClassView.Sum(e => _probabilities[(int)e]);
            return new ReadOnlyDictionary<Emotion, float>(
                FourClassView.ToDictionary(e => e, e => total > 0 ? _probabilities[(int)e] / total : 0.25f));
        }
    }

    /// <summary>A distribution from a score per emotion, as stored documents keep it.</summary>
    /// <exception cref="ArgumentException">An emotion has no score.</exception>
    public static EmotionDistribution FromScores(IReadOnlyDictionary<Emotion, float> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var missing = Enum.GetValues<Emotion>().Where(e => !scores.ContainsKey(e)).ToList();
        return missing.Count == 0
            ? new EmotionDistribution([.. Enum.GetValues<Emotion>().Select(e => scores[e])])
            : throw new ArgumentException($"No score for {string.Join(", ", missing)}.", nameof(scores));
    }

    public IReadOnlyDictionary<Emotion, float> ToDictionary() =>
        new ReadOnlyDictionary<Emotion, float>(Enum.GetValues<Emotion>().ToDictionary(e => e, e => _probabilities[(int)e]));

    private static int ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
