using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Notifications;
using Constructs;
using Microsoft.Extensions.Configuration;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Spotify;
using Moodtunes.Storage.Aws;
using Moodtunes.Vision;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Moodtunes.Cdk;

/// <summary>A function and the alias its trigger invokes.</summary>
public sealed record DeployedFunction(LambdaFunction Function, Alias Alias);

/// <summary>
/// The three ASP.NET Core functions (managed dotnet10 runtime plus the Lambda Web Adapter, SnapStart behind a
/// <c>live</c> alias), what each may touch, and the S3 trigger of the analyzer with its retries and failure queue.
/// </summary>
public sealed class LambdaFunctions : StackPart
{
    /// <summary>The alias every trigger invokes: the published version SnapStart restores from, never $LATEST.</summary>
    public const string LiveAlias = "live";

    /// <summary>Memory of AnalyzeFunction, sized from the measured peak working set (docs/deploy.md, "Memory").</summary>
    public const int AnalyzeMemoryMb = 1536;

    // dotnet10 is GA on Lambda but newer than CDK 2.160, which has no DOTNET_10 member.
    private readonly Runtime runtime = new("dotnet10", RuntimeFamily.DOTNET_CORE, new LambdaRuntimeProps { SupportsSnapStart = true });
    private readonly MoodtunesSettings settings;
    private readonly ILayerVersion webAdapter;
    private readonly Dictionary<string, string> storage;

    public LambdaFunctions(Construct scope, string id, MoodtunesSettings settings, DataStores data, Edge edge)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(edge);
        this.settings = settings;
        webAdapter = LayerVersion.FromLayerVersionArn(this, "WebAdapterLayer", Fn.Sub(settings.Architecture.AdapterLayerArn(settings.AdapterLayerVersion)));
        storage = new Dictionary<string, string>
        {
            [EnvironmentName(AwsStorageOptions.SectionName, nameof(AwsStorageOptions.TableName))] = data.Table.TableName,
            [EnvironmentName(AwsStorageOptions.SectionName, nameof(AwsStorageOptions.BucketName))] = data.Photos.BucketName,
        };
        var originSecretReference = new Dictionary<string, string>
        {
            [ParameterStoreSecrets.EnvironmentVariable(OriginLock.ConfigurationKey)] = ParameterStoreSecrets.SecretsManagerReference(edge.OriginSecretName),
        };

        Upload = Create("UploadFunction", memorySize: 512, Duration.Seconds(10), originSecretReference);
        // A reservation, when asked for, caps what a flood of uploads can cost at once; events beyond it wait in
        // Lambda's async queue. Without one the analyzer shares the account's pool (docs/deploy.md).
        Analyze = Create("AnalyzeFunction", AnalyzeMemoryMb, Duration.Seconds(30), AnalyzeEnvironment(), props =>
            props.ReservedConcurrentExecutions = settings.AnalyzeConcurrency);
        Recommend = Create("RecommendFunction", memorySize: 512, Duration.Seconds(10), originSecretReference.Concat(SpotifyEnvironment()));

        // S3 invokes the alias asynchronously. An analysis still pending this long after its upload target was issued is
        // settled as failed, so an event older than that is not worth retrying.
        Analyze.Alias.ConfigureAsyncInvoke(new EventInvokeConfigOptions
        {
            MaxEventAge = Duration.Seconds(AbandonedAnalyses.GiveUpAfter.TotalSeconds),
            RetryAttempts = 2,
            OnFailure = new Amazon.CDK.AWS.Lambda.Destinations.SqsDestination(data.FailedEvents),
        });
        data.Photos.AddEventNotification(
            EventType.OBJECT_CREATED, new LambdaDestination(Analyze.Alias), new NotificationKeyFilter { Prefix = PhotoKey.Prefix });

        AllowLeastPrivilege(data, edge);
    }

    public DeployedFunction Upload { get; }

    public DeployedFunction Analyze { get; }

    public DeployedFunction Recommend { get; }

    public IReadOnlyCollection<LambdaFunction> All => [Upload.Function, Analyze.Function, Recommend.Function];

    /// <summary>The environment variable the .NET configuration reads as <c>section:key</c>.</summary>
    private static string EnvironmentName(string section, string key) => ConfigurationPath.Combine(section, key).Replace(":", "__", StringComparison.Ordinal);

    /// <summary>
    /// Each role gets the actions its code calls, on its own resources, and no more. The CDK's grant methods would grant
    /// more than that (GrantReadWriteData adds Scan and DescribeTable, GrantRead on the secret DescribeSecret, bucket
    /// grants s3:DeleteObject*), so the statements are written out; the cdk-nag tests check what is left.
    /// </summary>
    private void AllowLeastPrivilege(DataStores data, Edge edge)
    {
        var table = data.Table.TableArn;
        // The presigned POST is signed with the upload function's role, so that role needs the PutObject itself.
        Allow(Upload.Function, data.PhotoObjectsArn, "s3:PutObject");
        Allow(Upload.Function, table, "dynamodb:PutItem");
        Allow(Analyze.Function, data.PhotoObjectsArn, "s3:GetObject", "s3:DeleteObject");
        // Without ListBucket S3 answers 403, not 404, for a photo already deleted (a duplicate delivery of the
        // event), and the read throws instead of returning "missing". Not narrowed by an s3:prefix condition: that
        // key only exists on list requests, so it would likely not match S3's existence check behind a GetObject
        // (unverified on AWS). The bucket holds nothing but photos/ objects, which this role may read anyway.
        Allow(Analyze.Function, data.Photos.BucketArn, "s3:ListBucket");
        // GetAsync (GetItem) and the conditional TryFinishAsync (UpdateItem) on analyses, and the track media cache
        // (DynamoDbTrackMediaCache: BatchGetItem, PutItem) are all the analyzer calls on the table.
        Allow(Analyze.Function, table, "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem", "dynamodb:PutItem");
        Allow(Recommend.Function, table,
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem", "dynamodb:PutItem");
        foreach (var apiFunction in new[] { Upload.Function, Recommend.Function })
        {
            Allow(apiFunction, ParameterArn(ParameterStoreSecrets.SecretsManagerReference(edge.OriginSecretName)), "ssm:GetParameters");
            Allow(apiFunction, edge.OriginSecret.SecretArn, "secretsmanager:GetSecretValue");
        }

        foreach (var parameter in new[] { settings.SpotifyClientIdParameter, settings.SpotifyClientSecretParameter }.OfType<string>())
        {
            // SecureStrings under the AWS managed key aws/ssm, which SSM decrypts for any role of the account.
            Allow(Analyze.Function, ParameterArn(parameter), "ssm:GetParameters");
            Allow(Recommend.Function, ParameterArn(parameter), "ssm:GetParameters");
        }
    }

    private static void Allow(LambdaFunction function, string resource, params string[] actions) =>
        function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Actions = actions,
            Resources = [resource],
        }));

    private string ParameterArn(string name)
    {
        var stack = Stack.Of(this);
        return $"arn:{stack.Partition}:ssm:{stack.Region}:{stack.Account}:parameter/{name.TrimStart('/')}";
    }

    /// <summary>Parameter names for the functions that pick tracks; the values are read at start, never stored here.</summary>
    private Dictionary<string, string> SpotifyEnvironment() =>
        settings is { SpotifyClientIdParameter: { } id, SpotifyClientSecretParameter: { } secret }
            ? new Dictionary<string, string>
            {
                [ParameterStoreSecrets.EnvironmentVariable(ConfigurationPath.Combine(SpotifyOptions.SectionName, nameof(SpotifyOptions.ClientId)))] = id,
                [ParameterStoreSecrets.EnvironmentVariable(ConfigurationPath.Combine(SpotifyOptions.SectionName, nameof(SpotifyOptions.ClientSecret)))] = secret,
            }
            : [];

    private IEnumerable<KeyValuePair<string, string>> AnalyzeEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            // S3 events arrive as POST to the events path; a 5xx there must fail the invocation so Lambda retries it.
            ["AWS_LWA_PASS_THROUGH_PATH"] = ApiRoutes.Events,
            ["AWS_LWA_ERROR_STATUS_CODES"] = "500-599",
        };
        if (settings.EmotionModel is { } model)
        {
            // Refuse at synth rather than at the first cold start: the file must be in the package.
            var packaged = Path.Combine(PublishFolder("AnalyzeFunction"), "models", model);
            if (!File.Exists(packaged))
            {
                throw new ArgumentException(
                    $"Context '{MoodtunesSettings.EmotionModelKey}': {packaged} does not exist (run scripts/publish-lambdas.sh first).");
            }

            environment[EnvironmentName(VisionOptions.SectionName, nameof(VisionOptions.EmotionModelFile))] = model;
        }

        return environment.Concat(SpotifyEnvironment());
    }

    /// <summary>Where scripts/publish-lambdas.sh puts a function for the chosen architecture.</summary>
    private string PublishFolder(string name) => Path.Combine(settings.PublishRoot, settings.Architecture.RuntimeIdentifier, name);

    private DeployedFunction Create(
        string name,
        int memorySize,
        Duration timeout,
        IEnumerable<KeyValuePair<string, string>> extraEnvironment,
        Action<FunctionProps>? configure = null)
    {
        var publishFolder = Edge.RequireDirectory(PublishFolder(name), MoodtunesSettings.PublishRootKey);
        var environment = new Dictionary<string, string>
        {
            // The adapter's wrapper starts the app (the handler is its executable) and proxies events to Kestrel.
            ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap",
            ["AWS_LWA_PORT"] = "8080",
            ["AWS_LWA_READINESS_CHECK_PATH"] = "/",
            ["ASPNETCORE_URLS"] = "http://+:8080",
            // One JSON object per line (scopes such as the analysis id included), so Logs Insights reads the fields.
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__IncludeScopes"] = "true",
            ["Logging__LogLevel__Default"] = settings.LogLevel,
        };
        foreach (var (key, value) in storage.Concat(extraEnvironment))
        {
            environment[key] = value;
        }

        var props = new FunctionProps
        {
            Runtime = runtime,
            Architecture = settings.Architecture.ToCdk(),
            Handler = name,
            Code = Code.FromAsset(publishFolder),
            Layers = [webAdapter],
            MemorySize = memorySize,
            Timeout = timeout,
            Environment = environment,
            // The app is ready (models loaded, clients built) when the adapter's readiness check passes; the
            // snapshot taken then is what every cold start restores.
            SnapStart = SnapStartConf.ON_PUBLISHED_VERSIONS,
            LogGroup = new LogGroup(this, $"{name}Logs", new LogGroupProps
            {
                Retention = RetentionDays.TWO_WEEKS,
                RemovalPolicy = settings.RemovalPolicy,
            }),
        };
        configure?.Invoke(props);
        var function = new LambdaFunction(this, name, props);
        var alias = new Alias(this, $"{name}Live", new AliasProps { AliasName = LiveAlias, Version = function.CurrentVersion });
        return new DeployedFunction(function, alias);
    }
}
