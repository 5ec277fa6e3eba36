using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Moodtunes.Testing.Aws;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>
/// A published function started the way the Lambda Web Adapter starts it: its executable (the handler) in its
/// own folder as working directory, Kestrel on the given loopback port, ready once <c>GET /</c> answers.
/// Output is kept for failure messages; disposing kills it. It measures what Lambda bills and sizes by: the time from
/// process start to ready (the INIT phase) and the peak resident memory.
/// </summary>
public sealed class FunctionProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder output = new();

    private FunctionProcess(Process process, Uri url)
    {
        this.process = process;
        Url = url;
    }

    /// <summary>From process start until the readiness check first passed.</summary>
    public TimeSpan StartToReady { get; private set; }

    /// <summary>The most resident memory the process has had so far (Linux VmHWM), in bytes.</summary>
    public long PeakWorkingSetBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>Where Kestrel listens (the Web Adapter's AWS_LWA_PORT on Lambda), with a trailing slash.</summary>
    public Uri Url { get; }

    /// <summary>Everything the process wrote so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <c>{publishFolder}/{name}</c> with <paramref name="environment"/> and waits until it is ready; as
    /// the user and group id <paramref name="user"/> if given (setpriv execs the executable, so the process is still the function's).
    /// </summary>
    public static async Task<FunctionProcess> StartAsync(
        string publishFolder, string name, IReadOnlyDictionary<string, string> environment, int? user = null)
    {
        var url = new Uri($"http://127.0.0.1:{Loopback.FreePort()}/");
        var executable = Path.Combine(publishFolder, name);
        var start = new ProcessStartInfo(user is null ? executable : "setpriv")
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (user is not null)
        {
            foreach (var argument in new[] { $"--reuid={user}", $"--regid={user}", "--clear-groups", "--", executable })
            {
                start.ArgumentList.Add(argument);
            }
        }

        // Nothing of this machine's AWS or ASP.NET Core settings leaks in: Lambda gives the function only the stack's.
        foreach (var key in start.Environment.Keys.Where(IsAmbientSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        // The managed runtime's dotnet on Lambda; here the one running the tests (the apphost finds it through DOTNET_ROOT).
        start.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        start.Environment["ASPNETCORE_URLS"] = url.ToString().TrimEnd('/');

        // Tests reach nothing beyond loopback: the music provider is off unless a test points it at a stand-in.
        start.Environment["Deezer__Enabled"] = "false";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var function = new FunctionProcess(
            Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}."), url);
        function.process.OutputDataReceived += (_, line) => function.Append(line.Data);
        function.process.ErrorDataReceived += (_, line) => function.Append(line.Data);
        function.process.BeginOutputReadLine();
        function.process.BeginErrorReadLine();
        try
        {
            await function.UntilReadyAsync();
        }
        catch
        {
            function.Dispose();
            throw;
        }

        return function;
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static bool IsAmbientSetting(string key) =>
        key.StartsWith("AWS_", StringComparison.Ordinal) ||
        key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ||
        key.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase) ||
        key.StartsWith("Spotify__", StringComparison.OrdinalIgnoreCase) ||
        key is "DOTNET_ENVIRONMENT" or "DOTNET_ROOT";

    /// <summary>The Web Adapter's readiness check: any answer from 100 to 499 on GET / means ready.</summary>
    private async Task UntilReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        var started = process.StartTime.ToUniversalTime();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited with {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(Url);
                if ((int)response.StatusCode < 500)
                {
                    StartToReady = DateTime.UtcNow - started;
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && waited.Elapsed < ReadyTimeout)
            {
                await Task.Delay(100);
                continue;
            }

            if (waited.Elapsed >= ReadyTimeout)
            {
                throw new TimeoutException($"{process.StartInfo.FileName} was not ready after {ReadyTimeout.TotalSeconds} s:\n{Output}");
            }

            await Task.Delay(100);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
