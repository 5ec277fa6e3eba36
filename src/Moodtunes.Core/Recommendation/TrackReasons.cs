namespace Moodtunes.Core.Recommendation;

/// <summary>How much energy a song has, in words a "why this song" line can use.</summary>
public enum SoundEnergy
{
    Calm,
    Steady,
    Upbeat,
    HighEnergy,
}

/// <summary>How bright a song sounds (its valence), in words a "why this song" line can use.</summary>
public enum SoundValence
{
    Melancholy,
    Bittersweet,
    Warm,
    Bright,
}

/// <summary>What a "why this song" line says: the song's energy, its valence and what it is for (null: a song without a label).</summary>
public sealed record TrackFacets(SoundEnergy Energy, SoundValence Valence, CatalogLabel? Label);

/// <summary>
/// The "why this song" line shown under a track. It is composed from the track's energy, valence and label rather
/// than written per track, so every catalog entry gets one and new entries need no extra text. The API sends the
/// facets and the page words them (static-site/js/i18n.js); <see cref="For"/> is the line older pages read.
/// </summary>
public static class TrackReasons
{
    /// <summary>One line such as "Calm and warm, for a slow morning coffee".</summary>
    /// <param name="pickedFor">The label the track was picked for; when null, the first label the track
    /// carries in <see cref="CatalogLabels.All"/> order (a set has no order of its own, and the line must not vary).</param>
    public static LocalizedText For(CatalogTrack track, CatalogLabel? pickedFor)
    {
        var facets = Facets(track, pickedFor);
        var (energyEn, energyKo) = Describe(facets.Energy);
        var (valenceEn, valenceKo) = Describe(facets.Valence);
        var label = facets.Label;
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

    /// <summary>The facets of the line; <paramref name="pickedFor"/> as in <see cref="For"/>.</summary>
    public static TrackFacets Facets(CatalogTrack track, CatalogLabel? pickedFor)
    {
        ArgumentNullException.ThrowIfNull(track);
        return new TrackFacets(
            EnergyOf(track.Energy),
            ValenceOf(track.Valence),
            pickedFor ?? CatalogLabels.All.Where(track.Labels.Contains).Cast<CatalogLabel?>().FirstOrDefault());
    }

    // Thresholds split the 0..1 scale where the reference classes separate: the Calm and Sad medians sit
    // below 0.36 energy, the Happy median at 0.78 and the Energetic one above 0.9 (docs/recommendation.md).
    private static SoundEnergy EnergyOf(double energy) => energy switch
    {
        < 0.35 => SoundEnergy.Calm,
        < 0.6 => SoundEnergy.Steady,
        < 0.8 => SoundEnergy.Upbeat,
        _ => SoundEnergy.HighEnergy,
    };

    private static SoundValence ValenceOf(double valence) => valence switch
    {
        < 0.3 => SoundValence.Melancholy,
        < 0.5 => SoundValence.Bittersweet,
        < 0.7 => SoundValence.Warm,
        _ => SoundValence.Bright,
    };

    private static (string En, string Ko) Describe(SoundEnergy energy) => energy switch
    {
        SoundEnergy.Calm => ("calm", "잔잔하고"),
        SoundEnergy.Steady => ("steady", "편안하고"),
        SoundEnergy.Upbeat => ("upbeat", "경쾌하고"),
        _ => ("high-energy", "강렬하고"),
    };

    private static (string En, string Ko) Describe(SoundValence valence) => valence switch
    {
        SoundValence.Melancholy => ("melancholy", "쓸쓸한"),
        SoundValence.Bittersweet => ("bittersweet", "애틋한"),
        SoundValence.Warm => ("warm", "따뜻한"),
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
