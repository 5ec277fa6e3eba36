using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Api.Uploads;
using Moodtunes.Storage.Aws;

// On Lambda this runs behind the AWS Lambda Web Adapter, which turns API Gateway events into requests.
var builder = WebApplication.CreateBuilder(args);
// Secrets (the CloudFront origin secret, Spotify credentials) arrive by name; each container reads them on first use.
builder.Configuration.AddParameterStoreSecrets();
builder.Services.AddAwsStorage(builder.Configuration.GetSection("Storage"));
builder.Services.AddMoodtunesApi().AddUploads();

var app = builder.Build();
app.UseOriginLock(app.Configuration);
app.UseAnalysisLogScope();
app.MapGet("/", () => "UploadFunction ready");
app.MapOpenApi();
app.MapUploads();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
