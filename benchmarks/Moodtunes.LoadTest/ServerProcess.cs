using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Moodtunes.Testing;

namespace Moodtunes.LoadTest;

/// <summary>The built local server (same configuration as this benchmark) in a process of its own, on a fresh data folder.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _data;

    private ServerProcess(Process process, string data, Uri url)
    {
        _process = process;
        _data = data;
        Url = url;
    }

    public Uri Url { get; }

    public static async Task<ServerProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        // bin/<Configuration>/net10.0/ of this benchmark names the server's build of the same configuration.
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var server = Path.Combine(RepositoryPaths.Root, "src", "Moodtunes.LocalServer", "bin", configuration, "net10.0", "Moodtunes.LocalServer.dll");
        var data = Directory.CreateTempSubdirectory("moodtunes-hostile-").FullName;
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(server)!,
            ArgumentList =
            {
                server, "--urls", url.ToString(), "--Moodtunes:DataDirectory", Path.Combine(data, "data"),
                "--Deezer:Enabled", "false", "--Logging:LogLevel:Default", "Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => Console.Error.WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var probe = new HttpClient { BaseAddress = url };
        for (var waited = Stopwatch.StartNew(); ; await Task.Delay(100))
        {
            try
            {
                using var page = await probe.GetAsync(new Uri("/", UriKind.Relative));
                if (page.IsSuccessStatusCode)
                {
                    return new ServerProcess(process, data, url);
                }
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                // Not listening yet.
            }
        }
    }

    /// <summary>The process's resident memory (VmRSS, Linux), in MB.</summary>
    public long ResidentMegabytes() =>
        File.ReadLines($"/proc/{_process.Id}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024)
            .Single();

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
