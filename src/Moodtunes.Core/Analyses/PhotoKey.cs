using System.Diagnostics.CodeAnalysis;

namespace Moodtunes.Core.Analyses;

/// <summary>Photo object keys: "photos/{deviceId}/{analysisId}", so a storage event names its analysis.</summary>
public static class PhotoKey
{
    /// <summary>Every photo lives under this prefix (the bucket's trigger filter and lifecycle rule use it too).</summary>
    public const string Prefix = "photos/";

    public static string For(string deviceId, string analysisId) => $"{Prefix}{deviceId}/{analysisId}";

    public static bool TryParse(string key, [NotNullWhen(true)] out string? deviceId, [NotNullWhen(true)] out string? analysisId)
    {
        deviceId = null;
        analysisId = null;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        // Only keys the upload function can have issued: a device id (SHA-256 hex) and an analysis id.
        var parts = key[Prefix.Length..].Split('/');
        if (parts.Length != 2 || !DeviceIdentity.IsDeviceId(parts[0]) || !AnalysisIds.IsValid(parts[1]))
        {
            return false;
        }

        deviceId = parts[0];
        analysisId = parts[1];
        return true;
    }
}
