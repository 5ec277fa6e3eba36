using System.Diagnostics;
using System.Text.Json;
using Moodtunes.Testing;
using Xunit.Abstractions;

namespace Moodtunes.Cdk.Tests;

/// <summary>
/// AWS's own rules over the synthesized template: cdk-nag's AwsSolutions and Serverless packs (npm, installed into
/// tests/tools/cdk-nag by scripts/test.sh), each finding held against the one suppression list in docs/deploy.md.
/// </summary>
[Slow]
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
        var start = new ProcessStartInfo("node") { WorkingDirectory = tools };
        start.ArgumentList.Add(Path.Combine(tools, "nag.js"));
        start.ArgumentList.Add(Path.Combine(stack.AssemblyDirectory, $"{MoodtunesStack.DefaultStackName}.template.json"));
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "docs", "deploy.md"));

        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(start, Timeout);

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        output.WriteLine(string.Join('\n', lines));
        Assert.True(lines.Length > 0 && lines[^1].StartsWith('{'), $"nag.js printed no summary (exit {exitCode}):\n{stderr}");
        using var summary = JsonDocument.Parse(lines[^1]);
        var problems = string.Join('\n', lines.Where(l => !l.StartsWith("suppressed", StringComparison.Ordinal) && !l.StartsWith('{')));
        Assert.True(summary.RootElement.GetProperty("unsuppressedErrors").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("unsuppressedWarnings").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("unused").GetInt32() == 0, problems);
        Assert.True(summary.RootElement.GetProperty("findings").GetInt32() > 0, "cdk-nag found nothing at all: did the packs run?");
        Assert.Equal(0, exitCode);
    }
}
