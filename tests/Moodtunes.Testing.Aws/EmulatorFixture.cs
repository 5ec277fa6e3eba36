using Amazon.S3.Model;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Moodtunes.Storage.Aws;

namespace Moodtunes.Testing.Aws;

/// <summary>
/// Real protocol servers on loopback, shared by every test in the collection: dynalite (DynamoDB) and
/// s3rver (S3), both from tests/tools/node_modules, with the analyses table and the photo bucket created,
/// and <see cref="ServiceUrl"/>, one endpoint for both (what <c>Storage:ServiceUrl</c> takes).
/// Tests isolate themselves by random device ids and keys. A test assembly shares one instance through
/// its own <c>[CollectionDefinition]</c> (xunit looks for those in the test assembly only).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    public const string TableName = "moodtunes-analyses";
    public const string BucketName = "moodtunes-photos";

    /// <summary>The region the clients sign for; the emulators accept any.</summary>
    public const string Region = "us-east-1";

    /// <summary>
    /// s3rver's built-in account (it refuses unknown access key ids but does not check V4 signatures);
    /// dynalite accepts any credentials. A process under test gets these as AWS_ACCESS_KEY_ID/SECRET.
    /// </summary>
    public static readonly BasicAWSCredentials Credentials = new("S3RVER", "S3RVER");

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<Process> _servers = [];
    private EmulatorEndpoint? _endpoint;
    private readonly string _s3Directory =
        Path.Combine(Path.GetTempPath(), "moodtunes-s3rver-" + Guid.NewGuid().ToString("N"));

    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public IAmazonS3 S3 { get; private set; } = null!;

    /// <summary>One URL for DynamoDB and S3 alike, as <c>Storage:ServiceUrl</c> expects (requests are routed by protocol).</summary>
    public Uri ServiceUrl => _endpoint?.Url ?? throw new InvalidOperationException("The emulators are not started.");

    /// <summary>Stores an object in the emulated bucket, as a browser upload would leave it.</summary>
    public async Task PutObjectAsync(string key, byte[] content, string contentType)
    {
        using var body = new MemoryStream(content);
        await S3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = BucketName,
            Key = key,
            InputStream = body,
            ContentType = contentType,

            // s3rver does not understand aws-chunked bodies and would store the chunk framing as the object.
            UseChunkEncoding = false,
        });
    }

    public async Task InitializeAsync()
    {
        var tools = ToolsDirectory();
        var dynamoPort = Loopback.FreePort();
        var s3Port = Loopback.FreePort();
        Start(tools, "dynalite/cli.js", "--host", "127.0.0.1", "--port", $"{dynamoPort}", "--createTableMs", "0");
        Start(tools, "s3rver/bin/s3rver.js", "--address", "127.0.0.1", "--port", $"{s3Port}", "--directory", _s3Directory, "--silent");

        var dynamoUrl = new Uri($"http://127.0.0.1:{dynamoPort}/");
        var s3Url = new Uri($"http://127.0.0.1:{s3Port}/");
        DynamoDb = new AmazonDynamoDBClient(Credentials, new AmazonDynamoDBConfig
        {
            ServiceURL = dynamoUrl.ToString(),
            AuthenticationRegion = Region,
        });
        S3 = new AmazonS3Client(Credentials, new AmazonS3Config
        {
            ServiceURL = s3Url.ToString(),
            AuthenticationRegion = Region,
            ForcePathStyle = true,
        });
        _endpoint = await EmulatorEndpoint.StartAsync(dynamoUrl, s3Url);

        await UntilAnswering(() => DynamoDb.ListTablesAsync(new ListTablesRequest()));
        await UntilAnswering(() => S3.ListBucketsAsync());
        await DynamoDb.CreateTableAsync(DynamoDbTableDefinition.CreateTableRequest(TableName));
        await S3.PutBucketAsync(BucketName);
    }

    public async Task DisposeAsync()
    {
        if (_endpoint is not null)
        {
            await _endpoint.DisposeAsync();
        }

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
