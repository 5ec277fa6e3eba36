using AnalyzeFunction;
using Moodtunes.Storage.Aws;

// On Lambda the Web Adapter POSTs the S3 ObjectCreated event to /events (pass-through path).
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsStorage(builder.Configuration.GetSection("Storage"));
builder.Services.AddAnalyzeFunction(builder.Configuration);

var app = builder.Build();
app.MapGet("/", () => "AnalyzeFunction ready");
app.MapOpenApi();
app.MapAnalyzeFunction();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
