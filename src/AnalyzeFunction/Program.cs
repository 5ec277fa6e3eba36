using Moodtunes.Api;
using Moodtunes.Api.Events;
using Moodtunes.Api.Hosting;
using Moodtunes.Deezer;
using Moodtunes.Spotify;
using Moodtunes.Storage.Aws;
using Moodtunes.Vision;

// On Lambda the Web Adapter POSTs the S3 ObjectCreated event to /events (pass-through path).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsFunctionHost(builder.Configuration);
builder.Services.AddVision(builder.Configuration);
builder.Services.AddSpotifyLinks(builder.Configuration);
builder.Services.AddDeezerMedia(builder.Configuration);
builder.Services.AddMoodtunesApi().AddEvents();

var app = builder.Build();
// Load the models now, during init: SnapStart snapshots a process that is ready to analyse.
_ = app.Services.GetRequiredService<VisionPipeline>();
app.UseFunctionHostDefaults();
app.MapEvents();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
