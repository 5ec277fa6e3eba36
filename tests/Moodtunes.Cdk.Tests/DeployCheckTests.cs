using System.Diagnostics;
using System.Text.Json.Nodes;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>
/// scripts/deploy-check.sh over the synthesized template, with a stand-in for the AWS CLI that answers like an
/// account (its concurrency limit, which adapter layers exist): it must say plainly what would fail and how to fix it.
/// </summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class DeployCheckTests(SynthesizedStack stack) : IDisposable
{
    private readonly TemporaryDirectory bin = new();

    [Fact]
    public async Task A_new_account_with_a_limit_of_ten_passes_the_default_stack_with_a_note()
    {
        var (exitCode, output) = await RunAsync(Template(), limit: 10, unreserved: 10);

        Assert.True(exitCode == 0, output);
        Assert.Contains("OK    nothing reserved", output, StringComparison.Ordinal);
        Assert.Contains("OK    the Web Adapter layer exists here: arn:aws:lambda:eu-west-1:753240598075:layer:LambdaAdapterLayerArm64:30", output, StringComparison.Ordinal);
        Assert.Contains("NOTE  a limit of 10", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reservation_the_account_cannot_give_fails_and_says_to_drop_it_or_raise_the_quota()
    {
        var (exitCode, output) = await RunAsync(Template(reserve: 10), limit: 10, unreserved: 10);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  the stack reserves 10", output, StringComparison.Ordinal);
        Assert.Contains($"-c {MoodtunesSettings.AnalyzeConcurrencyKey}", output, StringComparison.Ordinal);
        Assert.Contains("at least 110 unreserved", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reservation_with_room_for_it_passes()
    {
        var (exitCode, output) = await RunAsync(Template(reserve: 10), limit: 1000, unreserved: 1000);

        Assert.True(exitCode == 0, output);
        Assert.Contains("OK    reserved concurrency 10 fits", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_adapter_layer_fails_and_names_the_context_key_that_pins_another()
    {
        var (exitCode, output) = await RunAsync(Template(), limit: 1000, unreserved: 1000, layersExist: false);

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  the Web Adapter layer arn:aws:lambda:eu-west-1:753240598075:layer:LambdaAdapterLayerArm64:30", output, StringComparison.Ordinal);
        Assert.Contains($"-c {MoodtunesSettings.AdapterLayerVersionKey}=<n>", output, StringComparison.Ordinal);
    }

    public void Dispose() => bin.Dispose();

    /// <summary>The synthesized template, with a reservation on the analyzer if asked (as -c analyzeConcurrency makes it).</summary>
    private string Template(int? reserve = null)
    {
        var template = JsonNode.Parse(stack.Root.GetRawText())!;
        if (reserve is { } count)
        {
            template["Resources"]![stack.Function("AnalyzeFunction").LogicalId]!["Properties"]!["ReservedConcurrentExecutions"] = count;
        }

        var path = Path.Combine(bin.Path, "template.json");
        File.WriteAllText(path, template.ToJsonString());
        return path;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string template, int limit, int unreserved, bool layersExist = true)
    {
        // The AWS CLI calls the script makes, answered as an account in eu-west-1 would.
        var aws = Path.Combine(bin.Path, "aws");
        File.WriteAllText(aws, $$"""
            #!/usr/bin/env bash
            case "$1 $2" in
              "sts get-caller-identity") echo 111122223333 ;;
              "configure get") echo eu-west-1 ;;
              "lambda get-account-settings") printf '%s\t%s\n' {{limit}} {{unreserved}} ;;
              "lambda get-layer-version-by-arn") {{(layersExist ? "echo \"$4\"" : "echo 'An error occurred (AccessDeniedException) when calling the GetLayerVersionByArn operation' >&2; exit 254")}} ;;
              "cloudformation describe-stacks") echo CREATE_COMPLETE ;;
              *) echo "unexpected aws $*" >&2; exit 2 ;;
            esac
            """);
        // The script is bash: these tests run where it does.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo("bash");
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "deploy-check.sh"));
        start.ArgumentList.Add(template);
        start.Environment["PATH"] = $"{bin.Path}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment.Remove("AWS_REGION");
        start.Environment.Remove("AWS_DEFAULT_REGION");
        var (exitCode, stdout, stderr) = await ChildProcess.RunAsync(start, TimeSpan.FromMinutes(1));
        return (exitCode, stdout + stderr);
    }
}
