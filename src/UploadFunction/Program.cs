using Moodtunes.Storage.Aws;
using UploadFunction;

// On Lambda this runs behind the AWS Lambda Web Adapter, which turns API Gateway events into requests.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsStorage(builder.Configuration.GetSection("Storage"));
builder.Services.AddUploadFunction();

var app = builder.Build();
app.MapGet("/", () => "UploadFunction ready");
app.MapOpenApi();
app.MapUploadFunction();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
