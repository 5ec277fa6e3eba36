using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The local server's own executable, as `dotnet run` starts it, on a free loopback port.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;
    private readonly Uri _address;

    private ServerProcess(Process process, Uri address) => (_process, _address) = (process, address);

    /// <param name="tempDirectory">The process's temp folder (TMPDIR), to look for what it leaves there; the system's when null.</param>
    public static async Task<ServerProcess> StartAsync(string dataDirectory, string? tempDirectory = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Moodtunes.LocalServer"))
        {
            ArgumentList = { "--urls", address.ToString(), "--Moodtunes:DataDirectory", dataDirectory, "--Logging:LogLevel:Default", "Warning", "--Deezer:Enabled", "false" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (tempDirectory is not null)
        {
            start.Environment["TMPDIR"] = tempDirectory;

            // Otherwise the runtime makes its debugger FIFOs and diagnostics socket there, which block a reader.
            start.Environment["DOTNET_EnableDiagnostics"] = "0";
        }

        var server = new ServerProcess(Process.Start(start)!, address);
        server._process.OutputDataReceived += (_, _) => { };
        server._process.ErrorDataReceived += (_, _) => { };
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                if ((await probe.GetAsync("/")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new TimeoutException("The local server did not start within 30 s.");
    }

    public HttpClient Client(string token) => new HttpClient { BaseAddress = _address }.WithDeviceToken(token);

    public void Kill() => _process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
