using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Moodtunes.Api.Analyses;
using Moodtunes.Api.Events;
using Moodtunes.Api.History;
using Moodtunes.Api.SavedSongs;
using Moodtunes.Api.Tracks;
using Moodtunes.Api.Uploads;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;

namespace Moodtunes.Testing.InMemory;

/// <summary>
/// The application library composed as a host composes it (each feature's <c>AddX</c>), on in-memory stores, a
/// <see cref="FakeTimeProvider"/> and stand-ins for the photo reader, the upload signer and the music provider, with
/// the real catalog and recommender: the use cases without HTTP, SQLite or a model, in milliseconds.
/// </summary>
public sealed class InMemoryApplication : IDisposable
{
    /// <summary>A weekday morning, with a sub-second part as real clocks have.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 25, 10, 0, 0, 123, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    /// <param name="withProvider">Whether a music provider is configured (<see cref="Provider"/>); offline hosts have none.</param>
    public InMemoryApplication(bool withProvider = true)
    {
        Analyses = new InMemoryAnalysisStore(Clock);
        MediaCache = new InMemoryTrackMediaCache(Clock);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<IAnalysisStore>(Analyses)
            .AddSingleton<ISavedSongStore>(SavedSongs)
            .AddSingleton<ITrackMediaCache>(MediaCache)
            .AddSingleton<IPhotoStore>(Photos)
            .AddSingleton<IPhotoReader>(Reader)
            .AddSingleton<IUploadTargetIssuer>(Targets)
            .AddSingleton<ITrackLinkResolver, PassThroughTrackLinkResolver>();
        if (withProvider)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton<ITrackMediaResolver>(Provider));
        }

        services.AddUploads().AddAnalyses().AddTracks().AddHistory().AddSavedSongs().AddEvents();
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryAnalysisStore Analyses { get; }

    public InMemorySavedSongStore SavedSongs { get; } = new();

    public InMemoryTrackMediaCache MediaCache { get; }

    public InMemoryPhotoStore Photos { get; } = new();

    public GivenPhotoReader Reader { get; } = new();

    public RecordingUploadTargetIssuer Targets { get; } = new();

    public StandInMediaResolver Provider { get; } = new();

    public TrackCatalog Catalog => Get<TrackCatalog>();

    public UploadService Uploads => Get<UploadService>();

    public AnalysisService AnalysisService => Get<AnalysisService>();

    public PhotoAnalysisService PhotoAnalysis => Get<PhotoAnalysisService>();

    public TrackService Tracks => Get<TrackService>();

    public TrackPreviewService Previews => Get<TrackPreviewService>();

    public HistoryService History => Get<HistoryService>();

    public SavedSongService SavedSongService => Get<SavedSongService>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public void Dispose() => _services.Dispose();
}
