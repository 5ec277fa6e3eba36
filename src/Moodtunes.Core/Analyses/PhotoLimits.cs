namespace Moodtunes.Core.Analyses;

/// <summary>The photo size limit the upload policy, the local upload endpoint and the analyzer share.</summary>
public static class PhotoLimits
{
    /// <summary>The page sends photos downsized to 1280 px (a few hundred KB); a full phone photo still fits.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public static string TooLargeMessage => $"Photos may be at most {MaxBytes / (1024 * 1024)} MB.";
}
