using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The local server's log is quiet by default (issue 23: one line per request buried everything else).</summary>
public sealed class LoggingDefaultsTests
{
    [Fact]
    public void ASP_NET_Cores_request_lines_are_off_by_default_and_the_servers_own_lines_stay()
    {
        using var data = new TemporaryDirectory();
        using var app = Build(data, []);
        var logs = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.True(logs.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Warning));
        Assert.True(logs.CreateLogger("Moodtunes.Api.Events.PhotoAnalysisService").IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void The_command_line_can_turn_them_on_again()
    {
        using var data = new TemporaryDirectory();
        using var app = Build(data, ["--Logging:LogLevel:Microsoft.AspNetCore=Information"]);

        Assert.True(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
    }

    private static WebApplication Build(TemporaryDirectory data, string[] args)
    {
        var builder = WebApplication.CreateBuilder([.. args, $"--Moodtunes:DataDirectory={data.Path}"]);
        builder.AddLocalServer();
        return builder.Build();
    }
}
