using AnalyzeFunction;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Local;
using RecommendFunction;
using UploadFunction;

namespace Moodtunes.LocalServer;

/// <summary>
/// All three functions in one process, on embedded storage, with the page. The analyze function is fed by
/// the in-process upload queue, so its S3 endpoint (/events) is not exposed on the network.
/// </summary>
public static class LocalServerComposition
{
    public static LocalServerOptions AddLocalServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection("Moodtunes").Get<LocalServerOptions>() ?? new LocalServerOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddLocalStorage(new LocalStorageOptions
        {
            DataDirectory = options.DataDirectory,
            UploadUrl = new Uri(LocalUploadEndpoints.Path, UriKind.Relative),
        });
        builder.Services.AddUploadFunction();
        builder.Services.AddAnalyzeFunction(builder.Configuration);
        builder.Services.AddRecommendFunction(builder.Configuration);
        builder.Services.AddSingleton<PhotoUploadedQueue>();
        builder.Services.AddHostedService<LocalAnalysisWorker>();
        builder.AddRequestLimits(options);
        return options;
    }

    public static WebApplication MapLocalServer(this WebApplication app, LocalServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRequestLimits();
        app.UsePage(options);
        app.MapOpenApi();
        app.MapUploadFunction();
        app.MapRecommendFunction();
        app.MapLocalUploads(PhotoLimits.MaxBytes);
        return app;
    }
}
