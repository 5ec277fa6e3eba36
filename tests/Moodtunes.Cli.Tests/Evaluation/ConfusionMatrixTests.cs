using Moodtunes.Core.Emotions;
using Moodtunes.Cli.Evaluation;

namespace Moodtunes.Cli.Tests.Evaluation;

public sealed class ConfusionMatrixTests
{
    [Fact]
    public void Counts_accuracy_and_per_class_recall()
    {
        var matrix = new ConfusionMatrix(EmotionDistribution.FourClassView);
        matrix.Add(Emotion.Happy, Emotion.Happy);
        matrix.Add(Emotion.Happy, Emotion.Sad);
        matrix.Add(Emotion.Sad, Emotion.Sad);
        matrix.Add(Emotion.Neutral, Emotion.Neutral);

        Assert.Equal(0.75, matrix.Accuracy);
        Assert.Equal(0.5, matrix.Recall(Emotion.Happy));
        Assert.Equal(1.0, matrix.Recall(Emotion.Sad));
        Assert.True(double.IsNaN(matrix.Recall(Emotion.Surprise)));
        Assert.Equal(1, matrix[Emotion.Happy, Emotion.Sad]);
        Assert.Contains("accuracy 75.00 %", matrix.ToReport("four"), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_class_outside_its_view()
    {
        var matrix = new ConfusionMatrix(EmotionDistribution.FourClassView);

        Assert.Throws<ArgumentOutOfRangeException>(() => matrix.Add(Emotion.Angry, Emotion.Happy));
    }
}
