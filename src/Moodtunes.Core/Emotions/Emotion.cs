namespace Moodtunes.Core.Emotions;

/// <summary>The seven FER2013 emotions, in the order the emotion models (models/emotion) output them.</summary>
public enum Emotion
{
    Angry,
    Disgust,
    Fear,
    Happy,
    Sad,
    Surprise,
    Neutral,
}
