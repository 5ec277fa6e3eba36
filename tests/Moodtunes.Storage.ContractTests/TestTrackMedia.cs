using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage.ContractTests;

/// <summary>Track media shaped like Deezer's, with the lifetimes the recommender gives cache entries.</summary>
public static class TestTrackMedia
{
    public static readonly TimeSpan FoundLifetime = TimeSpan.FromDays(30);

    public static readonly TimeSpan MissLifetime = TimeSpan.FromDays(1);

    /// <summary>The instant without its fraction: caches keep expiries in epoch seconds.</summary>
    public static DateTimeOffset Whole(DateTimeOffset instant) => DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds());

    public static readonly TrackMedia Full = new(
        MusicProvider.Deezer,
        "3135556",
        "https://www.deezer.com/track/3135556",
        "https://cdn-images.dzcdn.net/images/cover/2e018122cb56986277102d2041a592c8/56x56-000000-80-0-0.jpg",
        "https://cdn-images.dzcdn.net/images/cover/2e018122cb56986277102d2041a592c8/250x250-000000-80-0-0.jpg",
        224,
        HasPreview: true);

    public static readonly TrackMedia Bare = new(MusicProvider.Deezer, "42", "https://www.deezer.com/track/42", null, null, null, HasPreview: false);

    /// <summary><see cref="Full"/> as both caches store it (the Media column or attribute).</summary>
    public const string FullJson =
        """{"provider":"deezer","providerTrackId":"3135556","pageUrl":"https://www.deezer.com/track/3135556","coverSmall":"https://cdn-images.dzcdn.net/images/cover/2e018122cb56986277102d2041a592c8/56x56-000000-80-0-0.jpg","coverMedium":"https://cdn-images.dzcdn.net/images/cover/2e018122cb56986277102d2041a592c8/250x250-000000-80-0-0.jpg","durationSeconds":224,"hasPreview":true}""";
}
