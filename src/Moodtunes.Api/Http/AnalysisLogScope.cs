using Microsoft.Extensions.Logging;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Api.Http;

/// <summary>
/// Puts the analysis id on every log line written while one analysis is handled (upload, event, analysis, tracks), as
/// a logging scope: the JSON console logs of the functions carry it as a field, so one id finds the whole flow.
/// </summary>
public static class AnalysisLogScope
{
    public const string Key = "AnalysisId";

    /// <summary>The route parameter that names an analysis (<c>/api/analyses/{id}</c>...).</summary>
    private const string RouteParameter = "id";

    public static IDisposable? Begin(ILogger logger, AnalysisId analysisId) => Begin(logger, analysisId.Value);

    /// <summary>Also for a route's id before it is parsed: a malformed one is logged as it came.</summary>
    private static IDisposable? Begin(ILogger logger, string analysisId)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(new Dictionary<string, object> { [Key] = analysisId });
    }

    /// <summary>Opens the scope for every request whose route names an analysis; the host adds it before its endpoints.</summary>
    public static IApplicationBuilder UseAnalysisLogScope(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AnalysisLogScope));
        return app.Use(async (context, next) =>
        {
            if (context.GetRouteValue(RouteParameter) is string id)
            {
                using (Begin(logger, id))
                {
                    await next(context);
                }

                return;
            }

            await next(context);
        });
    }
}
