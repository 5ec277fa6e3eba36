using System.Diagnostics;
using System.Text.Json;
using Moodtunes.Testing;
using Xunit.Abstractions;

namespace Moodtunes.Cdk.Tests;

/// <summary>
/// The path a person takes: the real CDK CLI (npm aws-cdk, installed into tests/tools by scripts/test.sh) runs
/// <c>cdk synth</c> from the repository root, where cdk.json tells it to <c>dotnet run</c> the app.
/// </summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class CdkCliTests(ITestOutputHelper output) : IDisposable
{
    // dotnet run builds the app first; on a busy 2-core machine that is most of it.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private readonly string root = Path.Combine(Path.GetTempPath(), $"moodtunes-cdk-cli-{Guid.NewGuid():N}");

    [Fact]
    public async Task Cdk_synth_from_the_repository_root_writes_the_stack_template()
    {
        var cli = Path.Combine(RepositoryPaths.Root, "tests", "tools", "node_modules", "aws-cdk", "bin", "cdk");
        Assert.True(File.Exists(cli), $"{cli} is missing: run npm ci --prefix tests/tools (scripts/test.sh does).");
        var publishRoot = Path.Combine(root, "publish");
        SynthesizedStack.CreatePlaceholderPackages(publishRoot, LambdaArchitecture.Arm64);
        var outDir = Path.Combine(root, "cdk.out");

        var start = new ProcessStartInfo("node") { WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in new[] { cli, "synth", "--quiet", "--no-notices", "-c", $"{MoodtunesSettings.PublishRootKey}={publishRoot}", "-o", outDir })
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no version check against the registry.
        start.Environment["CDK_DISABLE_VERSION_CHECK"] = "1";
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(start, Timeout);

        output.WriteLine(stderr);
        Assert.True(exitCode == 0, $"cdk synth exited {exitCode}:\n{stdout}\n{stderr}");
        using var template = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, $"{MoodtunesStack.DefaultStackName}.template.json")));
        var functions = template.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::Lambda::Function"
                && r.Value.GetProperty("Properties").TryGetProperty("Handler", out var handler)
                && SynthesizedStack.FunctionNames.Contains(handler.GetString()))
            .ToList();
        Assert.Equal(3, functions.Count);
        Assert.All(functions, f => Assert.Equal("arm64", f.Value.GetProperty("Properties").GetProperty("Architectures")[0].GetString()));
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
