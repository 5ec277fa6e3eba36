using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Analyses;

/// <summary>One analysis of the caller's device, as it reads now; reading never writes.</summary>
public sealed class AnalysisService(IAnalysisStore store, TimeProvider clock)
{
    /// <summary>Null when the id is unknown, expired or another device's (indistinguishable on purpose).</summary>
    public async Task<Analysis?> FindAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken) =>
        await store.GetAsync(deviceId, analysisId, cancellationToken).ConfigureAwait(false) is { } analysis
            ? analysis.AsSeenAt(clock.GetUtcNow())
            : null;

    public Task<bool> DeleteAsync(DeviceId deviceId, AnalysisId analysisId, CancellationToken cancellationToken) =>
        store.DeleteAsync(deviceId, analysisId, cancellationToken);
}
