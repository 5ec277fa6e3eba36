using Moodtunes.Api.Http;

namespace Moodtunes.Api.Hosting;

/// <summary>
/// What every Lambda function host puts around the features it maps, in one place: the origin lock (open where no
/// secret is configured, as on the analyzer), the analysis id on log lines, the answer to the Web Adapter's readiness
/// check at <c>/</c>, and the OpenAPI document.
/// </summary>
public static class FunctionHostDefaults
{
    /// <summary>Adds the defaults in front of the features the host maps next; the readiness answer names the host.</summary>
    public static WebApplication UseFunctionHostDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOriginLock(app.Configuration);
        app.UseAnalysisLogScope();
        var ready = $"{app.Environment.ApplicationName} ready";
        app.MapGet("/", () => ready);
        app.MapOpenApi();
        return app;
    }
}
