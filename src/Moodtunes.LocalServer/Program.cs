using Moodtunes.LocalServer;

// `dotnet run --project src/Moodtunes.LocalServer`: the whole service on this machine, no AWS account.
var builder = WebApplication.CreateBuilder(args);
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://localhost:5080");
}

var options = builder.AddLocalServer();
var app = builder.Build();
app.MapLocalServer(options);
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
