using Moodtunes.Core.Analyses;

namespace Moodtunes.Api;

/// <summary>
/// Every path the application serves, in one place: the endpoints map them, the hosts and the CDK stack route and
/// limit by them, and the page receives them from the server (so a path changes here and nowhere else).
/// </summary>
public static class ApiRoutes
{
    /// <summary>Everything the page calls sits below this prefix (CloudFront forwards it to the API).</summary>
    public const string Prefix = "/api";

    public const string Uploads = Prefix + "/uploads";

    public const string Analyses = Prefix + "/analyses";

    public const string AnalysisById = Analyses + "/{id}";

    public const string AnalysisTracks = AnalysisById + "/tracks";

    public const string History = Prefix + "/history";

    public const string HistorySummary = History + "/summary";

    public const string SavedSongs = Prefix + "/saved-songs";

    public const string SavedSong = SavedSongs + "/{catalogId}";

    public const string SavedSongsExport = SavedSongs + "/export";

    public const string TrackPreview = Prefix + "/tracks/{catalogId}/preview";

    /// <summary>Where the Lambda Web Adapter posts storage events (not under <see cref="Prefix"/>: never public).</summary>
    public const string Events = "/events";

    public static string Analysis(AnalysisId analysisId) =>
        AnalysisById.Replace("{id}", Uri.EscapeDataString(analysisId.Value), StringComparison.Ordinal);

    public static string Preview(string catalogId) =>
        TrackPreview.Replace("{catalogId}", Uri.EscapeDataString(catalogId), StringComparison.Ordinal);
}
