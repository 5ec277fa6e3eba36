using Moodtunes.Core.Analyses;

namespace Moodtunes.Testing;

/// <summary>Analyses as the upload function creates them: pending, keyed to their photo, expiring in 30 days.</summary>
public static class PendingAnalyses
{
    public static Analysis New(string deviceId, DateTimeOffset? createdAt = null, TimeSpan? lifetime = null)
    {
        var created = createdAt ?? DateTimeOffset.UtcNow;
        var id = AnalysisIds.New(created);
        return new Analysis
        {
            Id = id,
            DeviceId = deviceId,
            Status = AnalysisStatus.Pending,
            CreatedAt = created,
            ExpiresAt = created + (lifetime ?? TimeSpan.FromDays(30)),
            PhotoKey = PhotoKey.For(deviceId, id),
        };
    }
}
