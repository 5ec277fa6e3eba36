using System.Diagnostics;
using System.Text.Json;
using Moodtunes.Testing;
using Xunit.Abstractions;

namespace Moodtunes.Cdk.Tests;

/// <summary>
/// AWS's own rules over the synthesized template: cdk-nag's AwsSolutions and Serverless packs (npm, installed into
/// tests/tools/cdk-nag by scripts/test.sh), each finding held against the one suppression list in docs/deploy.md.
/// </summary>
[Collection(SynthesizedStackCollection.Name)]
public sealed class CdkNagTests(SynthesizedStack stack, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_cdk_nag_finding_is_fixed_or_excused_in_the_documented_list()
    {
        var tools = Path.Combine(RepositoryPaths.Root, "tests", "tools", "cdk-nag");
        Assert.True(
            Directory.Exists(Path.Combine(tools, "node_modules", "cdk-nag")),
            $"cdk-nag is missing: run npm ci --prefix {tools} (scripts/test.sh does).");
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = tools,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(tools, "nag.js"));
        start.ArgumentList.Add(Path.Combine(stack.AssemblyDirectory, $"{MoodtunesStack.DefaultStackName}.template.json"));
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "docs", "deploy.md"));

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(Timeout))
        {
            await process.WaitForExitAsync(timeout.Token);
        }

        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine(string.Join('\n', lines));
        Assert.True(lines.Length > 0 && lines[^1].StartsWith('{'), $"nag.js printed no summary (exit {process.ExitCode}):\n{await stderr}");
        using var summary = JsonDocument.Parse(lines[^1]);
        var problems = string.Join('\n', lines.Where(l => !l.StartsWith("suppressed", StringComparison.Ordinal) && !l.StartsWith('{')));
        Assert.True(summary.RootElement.GetProperty("unsuppressedErrors").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("unsuppressedWarnings").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("unused").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("findings").GetInt32() > 0, "cdk-nag found nothing at all: did the packs run?");
        Assert.Equal(0, process.ExitCode);
    }
}
