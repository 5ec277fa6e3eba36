using System.Text.RegularExpressions;
using Moodtunes.Api;

namespace Moodtunes.Testing;

/// <summary>
/// The API's paths with their holes filled, from the templates of <see cref="ApiRoutes"/>: tests ask for a path by what
/// it is, so changing a route stays a one-line change in the application.
/// </summary>
public static partial class ApiPaths
{
    public static string Analysis(object analysisId) => Fill(ApiRoutes.AnalysisById, analysisId);

    public static string AnalysisTracks(object analysisId) => Fill(ApiRoutes.AnalysisTracks, analysisId);

    public static string SavedSong(string catalogId) => Fill(ApiRoutes.SavedSong, catalogId);

    public static string Preview(string catalogId) => ApiRoutes.Preview(catalogId);

    private static string Fill(string template, object value) =>
        Hole().Replace(template, Uri.EscapeDataString(value.ToString() ?? string.Empty));

    [GeneratedRegex(@"\{[A-Za-z]+\}")]
    private static partial Regex Hole();
}
