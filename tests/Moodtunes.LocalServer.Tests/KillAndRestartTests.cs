using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The real server process killed (SIGKILL) while analyses are queued, then started again on the same data.</summary>
public sealed class KillAndRestartTests
{
    private const int Uploads = 30;

    [Fact]
    public async Task Every_upload_finishes_exactly_once_after_the_server_is_killed_mid_work_and_restarted()
    {
        using var data = new TemporaryDirectory();
        var token = TestDevices.NewToken();
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        List<string> ids;

        using (var first = await ServerProcess.StartAsync(data.Path))
        {
            using var client = first.Client(token);
            var uploads = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async _ =>
            {
                var upload = await PhotoUploads.RequestAsync(client, "image/png", photo.Length);
                using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
                Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
                return upload.AnalysisId;
            }));
            ids = [.. uploads];
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(data.Path);
        using var restarted = second.Client(token);
        foreach (var id in ids)
        {
            var analysis = await Analyses.WaitUntilFinishedAsync(restarted, id);
            Assert.Equal("done", analysis.GetProperty("status").GetString());
        }

        var history = await HttpAssert.JsonAsync(await restarted.GetAsync("/api/history?limit=50"), HttpStatusCode.OK);
        Assert.Equal(ids.Order(), history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(data.Path, "objects"), "*", SearchOption.AllDirectories));
    }

    /// <summary>The local server's own executable, as `dotnet run` starts it, on a free loopback port.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly Uri _address;

        private ServerProcess(Process process, Uri address) => (_process, _address) = (process, address);

        public static async Task<ServerProcess> StartAsync(string dataDirectory)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "Moodtunes.LocalServer"))
            {
                ArgumentList = { "--urls", address.ToString(), "--Moodtunes:DataDirectory", dataDirectory, "--Logging:LogLevel:Default", "Warning", "--Deezer:Enabled", "false" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
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
}
