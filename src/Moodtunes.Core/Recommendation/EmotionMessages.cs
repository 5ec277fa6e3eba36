using Moodtunes.Core.Emotions;

namespace Moodtunes.Core.Recommendation;

/// <summary>The playful line shown above the songs for the face's emotion.</summary>
public static class EmotionMessages
{
    public static LocalizedText For(Emotion emotion) => emotion switch
    {
        Emotion.Happy => new(
            "That smile is contagious! Here is a soundtrack to keep it going.",
            "그 미소, 전염성 최고예요! 기분 좋은 노래로 이어가 볼까요?"),
        Emotion.Sad => new(
            "Feeling a little blue? Songs that sit with you, or songs to lift you up: your pick.",
            "조금 울적한가요? 마음을 알아주는 노래와 기운을 북돋는 노래, 골라 보세요."),
        Emotion.Surprise => new(
            "Whoa, what just happened? Here is something just as exciting.",
            "어머, 무슨 일이에요? 그 놀라움만큼 신나는 노래를 준비했어요."),
        Emotion.Angry => new(
            "Someone's fired up! Turn it up and let it all out.",
            "화가 잔뜩 났군요! 볼륨 올리고 시원하게 털어 내요."),
        Emotion.Fear => new(
            "It's going to be okay. A few warm songs to keep you company.",
            "괜찮아요, 다 잘 될 거예요. 곁에 있어 줄 따뜻한 노래들이에요."),
        Emotion.Disgust => new(
            "Yikes, shake it off! A fresh playlist to clear the air.",
            "으, 털어 버려요! 기분 전환할 상큼한 노래들이에요."),
        Emotion.Neutral => new(
            "Cool and calm. Pick a mood and we will find the music.",
            "차분한 표정이네요. 원하는 분위기를 고르면 노래를 찾아 드릴게요."),
        _ => throw new ArgumentOutOfRangeException(nameof(emotion), emotion, null),
    };
}
