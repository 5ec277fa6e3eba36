namespace Moodtunes.Core.Recommendation;

/// <summary>
/// The "why this song" line shown under a track, in English and Korean. It is composed from the track's
/// energy, valence and label rather than written per track, so every catalog entry gets one and new
/// entries need no extra text.
/// </summary>
public static class TrackReasons
{
    /// <summary>One line such as "Calm and warm, for a slow morning coffee".</summary>
    /// <param name="pickedFor">The label the track was picked for; when null, the first label the track
    /// carries in <see cref="CatalogLabels.All"/> order (a set has no order of its own, and the line must not vary).</param>
    public static LocalizedText For(CatalogTrack track, CatalogLabel? pickedFor)
    {
        ArgumentNullException.ThrowIfNull(track);
        var (energyEn, energyKo) = DescribeEnergy(track.Energy);
        var (valenceEn, valenceKo) = DescribeValence(track.Valence);
        var label = pickedFor ?? CatalogLabels.All.Where(track.Labels.Contains).Cast<CatalogLabel?>().FirstOrDefault();
        var mood = $"{Capitalize(energyEn)} and {valenceEn}";
        var moodKo = $"{energyKo} {valenceKo} 노래";
        if (label is null)
        {
            // Only a hand-built track can have no label (the catalog loader refuses one): describe the sound alone.
            return new LocalizedText(mood, moodKo);
        }

        var (purposeEn, purposeKo) = Purpose(label.Value);
        return new LocalizedText($"{mood}, {purposeEn}", $"{moodKo}, {purposeKo}");
    }

    // Thresholds split the 0..1 scale where the reference classes separate: the Calm and Sad medians sit
    // below 0.36 energy, the Happy median at 0.78 and the Energetic one above 0.9 (docs/recommendation.md).
    private static (string En, string Ko) DescribeEnergy(double energy) => energy switch
    {
        < 0.35 => ("calm", "잔잔하고"),
        < 0.6 => ("steady", "편안하고"),
        < 0.8 => ("upbeat", "경쾌하고"),
        _ => ("high-energy", "강렬하고"),
    };

    private static (string En, string Ko) DescribeValence(double valence) => valence switch
    {
        < 0.3 => ("melancholy", "쓸쓸한"),
        < 0.5 => ("bittersweet", "애틋한"),
        < 0.7 => ("warm", "따뜻한"),
        _ => ("bright", "밝은"),
    };

    private static (string En, string Ko) Purpose(CatalogLabel label) => label switch
    {
        CatalogLabel.Angry => ("to let it all out", "속 시원히 털어내고 싶을 때"),
        CatalogLabel.Disgust => ("to shake it off", "기분을 훌훌 털어 버리고 싶을 때"),
        CatalogLabel.Fear => ("for comfort and courage", "위로와 용기가 필요할 때"),
        CatalogLabel.Happy => ("to keep the good mood going", "좋은 기분을 이어 가고 싶을 때"),
        CatalogLabel.Sad => ("for when you feel low", "마음이 가라앉을 때"),
        CatalogLabel.Surprise => ("for an exciting moment", "설레고 짜릿한 순간에"),
        CatalogLabel.MorningCoffee => ("for a slow morning coffee", "여유로운 아침 커피와 함께"),
        CatalogLabel.Relaxing => ("to unwind", "편히 쉬고 싶을 때"),
        CatalogLabel.Exercise => ("to power your workout", "운동할 때 힘이 나도록"),
        CatalogLabel.HeartTouching => ("for a heartfelt moment", "마음이 뭉클해지는 순간에"),
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, null),
    };

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
