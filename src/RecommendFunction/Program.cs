using Moodtunes.Storage.Aws;
using RecommendFunction;

// On Lambda this runs behind the AWS Lambda Web Adapter, which turns API Gateway events into requests.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAwsStorage(builder.Configuration.GetSection("Storage"));
builder.Services.AddRecommendFunction(builder.Configuration);

var app = builder.Build();
app.MapGet("/", () => "RecommendFunction ready");
app.MapOpenApi();
app.MapRecommendFunction();
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
