using Moodtunes.Api;
using Moodtunes.Api.Hosting;
using Moodtunes.Api.Uploads;
using Moodtunes.Storage.Aws;

// On Lambda this runs behind the AWS Lambda Web Adapter, which turns API Gateway events into requests.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsFunctionHost(builder.Configuration);
builder.Services.AddMoodtunesApi().AddUploads();

var app = builder.Build();
app.UseFunctionHostDefaults();
app.MapUploads();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
