using System.Diagnostics;

namespace Moodtunes.Testing;

/// <summary>Runs a tool as a child process to the end, with its output; one that outlasts its time is killed, tree and all.</summary>
public static class ChildProcess
{
    /// <exception cref="TimeoutException">The process ran longer than <paramref name="timeout"/> (its error output is in the message).</exception>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(start.FileName)} {string.Join(' ', start.ArgumentList)} took over {timeout}:\n{await error}");
        }

        return (process.ExitCode, await output, await error);
    }
}
