using Moodtunes.Api;
using Moodtunes.Api.Analyses;
using Moodtunes.Api.History;
using Moodtunes.Api.Hosting;
using Moodtunes.Api.SavedSongs;
using Moodtunes.Api.Tracks;
using Moodtunes.Deezer;
using Moodtunes.Spotify;
using Moodtunes.Storage.Aws;

// On Lambda this runs behind the AWS Lambda Web Adapter, which turns API Gateway events into requests.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsFunctionHost(builder.Configuration);
builder.Services.AddSpotifyLinks(builder.Configuration);
builder.Services.AddDeezerMedia(builder.Configuration);
builder.Services.AddMoodtunesApi().AddAnalyses().AddTracks().AddHistory().AddSavedSongs();

var app = builder.Build();
app.UseFunctionHostDefaults();
app.MapAnalyses();
app.MapTracks();
app.MapHistory();
app.MapSavedSongs();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
