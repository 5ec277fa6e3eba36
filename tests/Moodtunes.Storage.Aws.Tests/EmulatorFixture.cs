using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;

namespace Moodtunes.Storage.Aws.Tests;

/// <summary>
/// Real protocol servers on loopback, shared by every test in the collection: dynalite (DynamoDB) and
/// s3rver (S3), both from tests/tools/node_modules. Tests isolate themselves by random device ids and keys.
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string TableName = "moodtunes-analyses";
    public const string BucketName = "moodtunes-photos";

    /// <summary>s3rver's built-in account; dynalite accepts any credentials.</summary>
    private static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<Process> _servers = [];
    private readonly string _s3Directory =
        Path.Combine(Path.GetTempPath(), "moodtunes-s3rver-" + Guid.NewGuid().ToString("N"));

    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public IAmazonS3 S3 { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var tools = ToolsDirectory();
        var dynamoPort = FreePort();
        var s3Port = FreePort();
        Start(tools, "dynalite/cli.js", "--host", "127.0.0.1", "--port", $"{dynamoPort}", "--createTableMs", "0");
        Start(tools, "s3rver/bin/s3rver.js", "--address", "127.0.0.1", "--port", $"{s3Port}", "--directory", _s3Directory, "--silent");

        DynamoDb = new AmazonDynamoDBClient(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = $"http://127.0.0.1:{dynamoPort}",
            AuthenticationRegion = "us-east-1",
        });
        S3 = new AmazonS3Client(Credentials, new AmazonS3Config
        {
            ServiceURL = $"http://127.0.0.1:{s3Port}",
            AuthenticationRegion = "us-east-1",
            ForcePathStyle = true,
        });

        await UntilAnswering(() => DynamoDb.ListTablesAsync(new ListTablesRequest()));
        await UntilAnswering(() => S3.ListBucketsAsync());
        await DynamoDb.CreateTableAsync(DynamoDbTableDefinition.CreateTableRequest(TableName));
        await S3.PutBucketAsync(BucketName);
    }

    public Task DisposeAsync()
    {
        DynamoDb?.Dispose();
        S3?.Dispose();
        foreach (var server in _servers)
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            server.Dispose();
        }

        if (Directory.Exists(_s3Directory))
        {
            Directory.Delete(_s3Directory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string ToolsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tools = Path.Combine(dir.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json")))
            {
                return Directory.Exists(Path.Combine(tools, "node_modules", "dynalite")) &&
                       Directory.Exists(Path.Combine(tools, "node_modules", "s3rver"))
                    ? Path.Combine(tools, "node_modules")
                    : throw new InvalidOperationException(
                        $"The DynamoDB and S3 emulators are not installed in {tools}: run `npm ci --prefix tests/tools` from the repository root.");
            }
        }

        throw new InvalidOperationException($"No tests/tools/package.json above {AppContext.BaseDirectory}.");
    }

    /// <summary>Asks the OS for a free loopback port; the server binds it moments later.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Start(string nodeModules, string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(nodeModules, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node {script}.");

        // Drained so a chatty server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _servers.Add(process);
    }

    private async Task UntilAnswering(Func<Task> call)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await call();
                return;
            }
            catch (Exception e) when (deadline.Elapsed < StartTimeout && e is AmazonServiceException or HttpRequestException or IOException)
            {
                if (_servers.FirstOrDefault(s => s.HasExited) is { } dead)
                {
                    throw new InvalidOperationException($"An emulator exited at start with code {dead.ExitCode}.", e);
                }

                await Task.Delay(100);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "AWS emulators";
}
