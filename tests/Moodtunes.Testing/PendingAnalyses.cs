using Moodtunes.Core.Analyses;

namespace Moodtunes.Testing;

/// <summary>Analyses as the upload function creates them: pending, keyed to their photo, expiring in 30 days.</summary>
public static class PendingAnalyses
{
    public static Analysis New(string deviceId, DateTimeOffset? createdAt = null, TimeSpan? lifetime = null) =>
        Analysis.Pending(deviceId, createdAt ?? DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromDays(30));
}
