using Microsoft.Extensions.Configuration.Memory;
using Moodtunes.Api;
using Moodtunes.Api.Analyses;
using Moodtunes.Api.Events;
using Moodtunes.Api.History;
using Moodtunes.Api.Http;
using Moodtunes.Api.SavedSongs;
using Moodtunes.Api.Tracks;
using Moodtunes.Api.Uploads;
using Moodtunes.Core.Analyses;
using Moodtunes.Deezer;
using Moodtunes.Spotify;
using Moodtunes.Storage.Local;
using Moodtunes.Vision;

namespace Moodtunes.LocalServer;

/// <summary>
/// Every feature of the API in one process, on embedded storage, with the page. Photos reach the analysis
/// through the in-process upload queue, so the storage-event endpoint (/events) is not exposed.
/// </summary>
public static class LocalServerComposition
{
    public static LocalServerOptions AddLocalServer(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // Defaults below everything else (appsettings, environment, command line still win): one line per
        // request from ASP.NET Core's hosting buried the server's own messages (12,000 lines in 15 minutes).
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        var options = builder.Configuration.GetSection("Moodtunes").Get<LocalServerOptions>() ?? new LocalServerOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddLocalStorage(new LocalStorageOptions
        {
            DataDirectory = options.DataDirectory,
            UploadUrl = new Uri(LocalUploadEndpoints.Path, UriKind.Relative),
        });
        builder.Services.AddVision(builder.Configuration);
        builder.Services.AddSpotifyLinks(builder.Configuration);
        builder.Services.AddDeezerMedia(builder.Configuration);
        builder.Services.AddMoodtunesApi().AddUploads().AddAnalyses().AddTracks().AddHistory().AddSavedSongs().AddEvents();
        builder.Services.AddSingleton<PhotoUploadedQueue>();
        builder.Services.AddHostedService<LocalAnalysisWorker>();
        builder.AddRequestLimits(options);
        builder.Services.AddPageDelivery();
        return options;
    }

    public static WebApplication MapLocalServer(this WebApplication app, LocalServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders(options);
        app.UseRequestLimits();
        app.UsePage(options);
        // Like the function hosts (FunctionHostDefaults): one analysis id finds every line about it.
        app.UseAnalysisLogScope();
        app.MapOpenApi();
        app.MapUploads();
        app.MapAnalyses();
        app.MapTracks();
        app.MapHistory();
        app.MapSavedSongs();
        app.MapLocalUploads(PhotoLimits.MaxBytes);
        return app;
    }
}
