using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Analyses;

/// <summary>One analysis of the caller's device, as it reads now; reading never writes.</summary>
public sealed class AnalysisService(IAnalysisStore store, TimeProvider clock)
{
    /// <summary>Null when the id is malformed, unknown, expired or another device's (indistinguishable on purpose).</summary>
    public async Task<Analysis?> FindAsync(string deviceId, string analysisId, CancellationToken cancellationToken) =>
        AnalysisIds.IsValid(analysisId) && await store.GetAsync(deviceId, analysisId, cancellationToken).ConfigureAwait(false) is { } analysis
            ? analysis.AsSeenAt(clock.GetUtcNow())
            : null;

    public async Task<bool> DeleteAsync(string deviceId, string analysisId, CancellationToken cancellationToken) =>
        AnalysisIds.IsValid(analysisId) && await store.DeleteAsync(deviceId, analysisId, cancellationToken).ConfigureAwait(false);
}
