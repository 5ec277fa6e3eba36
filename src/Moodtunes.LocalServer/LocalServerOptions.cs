namespace Moodtunes.LocalServer;

/// <summary>Settings under "Moodtunes" (command line: --Moodtunes:DataDirectory=...).</summary>
public sealed record LocalServerOptions
{
    /// <summary>Where analyses (SQLite), photos and the upload signing key live.</summary>
    public string DataDirectory { get; init; } = ".data";

    /// <summary>The page folder; the copy next to the server's binaries by default.</summary>
    public string SiteDirectory { get; init; } = Path.Combine(AppContext.BaseDirectory, "site");

    /// <summary>The address phones should open (for the QR code); the request's own address when empty.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>API requests one device may make per minute (a page polling an analysis makes about 20).</summary>
    public int RequestsPerDevicePerMinute { get; init; } = 300;

    /// <summary>Upload targets (photos) one device may ask for per minute (within its API requests).</summary>
    public int UploadsPerDevicePerMinute { get; init; } = 30;

    /// <summary>Photos analysed at once; the vision models use one core each.</summary>
    public int AnalysisWorkers { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
