using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Moodtunes.Testing;
using Moodtunes.Testing.Aws;

namespace Moodtunes.LambdaPackaging.Tests;

/// <summary>
/// Once per run: the emulators, the analyze and upload functions published by scripts/publish-lambdas.sh for both
/// Lambda architectures into a temporary folder (the script's own checks included), and each started as a process
/// with the environment the CDK stack sets, pointed at the emulators: the linux-x64 packages, as Lambda starts them
/// (this machine is x86-64; nothing of the linux-arm64 packages can run here, PublishedPackagesTests checks what
/// they hold). Everything is stopped and deleted at the end.
/// </summary>
public sealed class LambdaFunctionsFixture : IAsyncLifetime
{
    public const string Analyze = "AnalyzeFunction";
    public const string Upload = "UploadFunction";
    public const string Recommend = "RecommendFunction";

    /// <summary>What this machine runs; the other packages' apphost, entry assembly and natives cannot start here.</summary>
    public const string NativeRuntimeIdentifier = "linux-x64";

    public static readonly string[] RuntimeIdentifiers = ["linux-arm64", NativeRuntimeIdentifier];

    // Four publishes on a shared 2-core machine.
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(6);

    private readonly string publishRoot = Path.Combine(Path.GetTempPath(), $"moodtunes-lambda-{Guid.NewGuid():N}");

    public EmulatorFixture Emulators { get; } = new();

    /// <summary>What the publish script printed: one line per function with its size unzipped and zipped.</summary>
    public string PublishReport { get; private set; } = "";

    public FunctionProcess AnalyzeFunction { get; private set; } = null!;

    public FunctionProcess UploadFunction { get; private set; } = null!;

    /// <summary>The folder of a published function for a runtime identifier.</summary>
    public string Package(string runtimeIdentifier, string name) => Path.Combine(publishRoot, runtimeIdentifier, name);

    public async Task InitializeAsync()
    {
        // Publishing takes most of the time; the emulators start meanwhile.
        var publish = PublishAsync(Analyze, Upload, Recommend);
        await Emulators.InitializeAsync();
        PublishReport = await publish;

        AnalyzeFunction = await StartAsync(Analyze, new Dictionary<string, string>
        {
            // What the stack adds for the analyzer; the adapter itself reads them, the app ignores them.
            ["AWS_LWA_PASS_THROUGH_PATH"] = "/events",
            ["AWS_LWA_ERROR_STATUS_CODES"] = "500-599",
        });
        UploadFunction = await StartAsync(Upload, new Dictionary<string, string>());
    }

    public async Task DisposeAsync()
    {
        AnalyzeFunction?.Dispose();
        UploadFunction?.Dispose();
        await Emulators.DisposeAsync();
        if (Directory.Exists(publishRoot))
        {
            Directory.Delete(publishRoot, recursive: true);
        }
    }

    /// <summary>
    /// What the Web Adapter does with an S3 notification (pass-through path): POST /events with the raw event JSON.
    /// Fails unless it answers 200; returns the outcome of each record ("done", "already-finished", ...).
    /// </summary>
    public async Task<string[]> PostS3EventAsync(string key)
    {
        using var http = new HttpClient { BaseAddress = AnalyzeFunction.Url };
        using var content = S3Events.ObjectCreated((S3Events.EncodeKey(key), 1));
        using var response = await http.PostAsync("events", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(
            response.StatusCode == HttpStatusCode.OK,
            $"POST /events answered {(int)response.StatusCode}: {body}\n--- function output ---\n{AnalyzeFunction.Output}");
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("processed").EnumerateArray().Select(o => o.GetString()!)];
    }

    /// <summary>
    /// Starts another copy of a published linux-x64 function with the storage settings the stack gives it plus
    /// <paramref name="environment"/>; <paramref name="user"/> runs it as that user and group id, as Lambda runs the code as a user
    /// who cannot write the package. The caller disposes it.
    /// </summary>
    public Task<FunctionProcess> StartAsync(string name, Dictionary<string, string> environment, int? user = null)
    {
        // As MoodtunesStack sets them (AWS_LWA_PORT becomes this test's port), plus what Lambda itself provides.
        environment["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap";
        environment["AWS_LWA_READINESS_CHECK_PATH"] = "/";
        environment["Storage__TableName"] = EmulatorFixture.TableName;
        environment["Storage__BucketName"] = EmulatorFixture.BucketName;
        environment["Storage__ServiceUrl"] = Emulators.ServiceUrl.ToString();
        var credentials = EmulatorFixture.Credentials.GetCredentials();
        environment["AWS_ACCESS_KEY_ID"] = credentials.AccessKey;
        environment["AWS_SECRET_ACCESS_KEY"] = credentials.SecretKey;
        environment["AWS_REGION"] = EmulatorFixture.Region;
        return FunctionProcess.StartAsync(Package(NativeRuntimeIdentifier, name), name, environment, user);
    }

    private async Task<string> PublishAsync(params string[] functions)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "scripts", "publish-lambdas.sh"));
        foreach (var function in functions)
        {
            start.ArgumentList.Add(function);
        }

        start.Environment["LAMBDA_PUBLISH_ROOT"] = publishRoot;
        using var script = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var stdout = script.StandardOutput.ReadToEndAsync();
        var stderr = script.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await script.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            script.Kill(entireProcessTree: true);
            throw new TimeoutException($"scripts/publish-lambdas.sh took over {PublishTimeout.TotalMinutes} min.");
        }

        return script.ExitCode == 0
            ? (await stdout).Trim()
            : throw new InvalidOperationException($"scripts/publish-lambdas.sh failed ({script.ExitCode}):\n{await stdout}\n{await stderr}");
    }
}

[CollectionDefinition(Name)]
public sealed class LambdaFunctionsCollection : ICollectionFixture<LambdaFunctionsFixture>
{
    public const string Name = "Published Lambda functions";
}
