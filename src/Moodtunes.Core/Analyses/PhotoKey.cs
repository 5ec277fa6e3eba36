namespace Moodtunes.Core.Analyses;

/// <summary>Photo object keys: "photos/{deviceId}/{analysisId}", so a storage event names its analysis.</summary>
public static class PhotoKey
{
    /// <summary>Every photo lives under this prefix (the bucket's trigger filter and lifecycle rule use it too).</summary>
    public const string Prefix = "photos/";

    public static string For(DeviceId deviceId, AnalysisId analysisId) => $"{Prefix}{deviceId}/{analysisId}";

    public static bool TryParse(string key, out DeviceId deviceId, out AnalysisId analysisId)
    {
        deviceId = default;
        analysisId = default;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Only keys the upload function can have issued: a device id (SHA-256 hex) and an analysis id.
        var parts = key[Prefix.Length..].Split('/');
        return parts.Length == 2 && DeviceIdentity.TryParse(parts[0], out deviceId) && AnalysisIds.TryParse(parts[1], out analysisId);
    }
}
