using Moodtunes.Api;
using Moodtunes.Core.Analyses;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>Like the function hosts, every line logged while a request about one analysis is handled carries its id.</summary>
public sealed class AnalysisLogScopeTests : IDisposable
{
    private readonly LocalServerFactory server = new();
    private readonly AnalysisLogCapture capture = new();

    [Fact]
    public async Task Lines_logged_for_an_analysis_request_carry_its_id()
    {
        using var factory = server.WithWebHostBuilder(builder =>
        {
            // The server keeps ASP.NET Core's own lines at Warning; the endpoint lines below are Information.
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            capture.AddTo(builder);
        });
        using var client = factory.CreateClient().WithDeviceToken(TestDevices.NewToken());
        var id = Guid.NewGuid().ToString("N");

        using var response = await client.GetAsync(new Uri(ApiRoutes.Analysis(new AnalysisId(id)), UriKind.Relative));

        // ASP.NET Core's "Executing/Executed endpoint" lines name the route; they are written inside the scope.
        var endpointLines = capture.Lines
            .Where(l => l.Message.StartsWith("Execut", StringComparison.Ordinal) && l.Message.Contains($"{ApiRoutes.Analyses}/{{id}}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(endpointLines);
        Assert.All(endpointLines, l => Assert.Equal(id, l.AnalysisId));
    }

    public void Dispose()
    {
        capture.Dispose();
        server.Dispose();
    }
}
