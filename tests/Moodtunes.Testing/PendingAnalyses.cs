using Moodtunes.Core.Analyses;

namespace Moodtunes.Testing;

/// <summary>Analyses as the upload function creates them: pending, keyed to their photo, expiring when the upload service makes them expire.</summary>
public static class PendingAnalyses
{
    public static Analysis New(DeviceId deviceId, DateTimeOffset? createdAt = null, TimeSpan? lifetime = null) =>
        Analysis.Pending(deviceId, createdAt ?? DateTimeOffset.UtcNow, lifetime ?? AnalysisRetention.Lifetime);
}
