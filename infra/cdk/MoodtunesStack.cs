using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.CloudFront.Origins;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Deployment;
using Amazon.CDK.AWS.S3.Notifications;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using ApiMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;
using Distribution = Amazon.CDK.AWS.CloudFront.Distribution;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;
using FunctionProps = Amazon.CDK.AWS.Lambda.FunctionProps;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Moodtunes.Cdk;

/// <summary>
/// Everything Moodtunes runs on: photo bucket, analyses table, the three functions behind an HTTP API,
/// and the static page on CloudFront, which also fronts <c>/api/*</c> so page and API share one origin.
/// </summary>
public sealed class MoodtunesStack : Stack
{
    public const string DefaultStackName = "MoodtunesStack";
    public const string PageUrlOutput = "PageUrl";
    public const string WebAdapterLayerArn = "arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerX86:27";

    public MoodtunesStack(Construct scope, string id, MoodtunesSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var table = new Table(this, "Analyses", new TableProps
        {
            PartitionKey = new DynamoAttribute { Name = DynamoDbTableDefinition.PartitionKeyName, Type = AttributeType.STRING },
            SortKey = new DynamoAttribute { Name = DynamoDbTableDefinition.SortKeyName, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            TimeToLiveAttribute = DynamoDbTableDefinition.TimeToLiveAttribute,
            PointInTimeRecovery = true,
            RemovalPolicy = settings.RemovalPolicy,
        });

        var siteBucket = new Bucket(this, "SiteBucket", PrivateBucketProps(settings.RemovalPolicy));

        // Routes are added once the functions exist; the distribution only needs the API's host name.
        var api = new HttpApi(this, "Api", new HttpApiProps { ApiName = "moodtunes" });
        var distribution = new Distribution(this, "Site", new DistributionProps
        {
            DefaultRootObject = "index.html",
            DefaultBehavior = new BehaviorOptions
            {
                Origin = S3BucketOrigin.WithOriginAccessControl(siteBucket),
                ViewerProtocolPolicy = ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
                CachePolicy = CachePolicy.CACHING_OPTIMIZED,
            },
            AdditionalBehaviors = new Dictionary<string, IBehaviorOptions>
            {
                ["/api/*"] = new BehaviorOptions
                {
                    Origin = new HttpOrigin(
                        Fn.Select(2, Fn.Split("/", api.ApiEndpoint)),
                        new HttpOriginProps { ProtocolPolicy = OriginProtocolPolicy.HTTPS_ONLY }),
                    ViewerProtocolPolicy = ViewerProtocolPolicy.HTTPS_ONLY,
                    AllowedMethods = AllowedMethods.ALLOW_ALL,
                    CachePolicy = CachePolicy.CACHING_DISABLED,
                    // API Gateway routes on its own Host; every other header (X-Device-Token) must reach the functions.
                    OriginRequestPolicy = OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
                },
            },
        });
        var pageUrl = $"https://{distribution.DistributionDomainName}";

        var photoProps = PrivateBucketProps(settings.RemovalPolicy);
        // The page POSTs the photo straight to S3 with a presigned form, so only its origin may.
        photoProps.Cors = [new CorsRule
        {
            AllowedMethods = [HttpMethods.POST],
            AllowedOrigins = [pageUrl],
            AllowedHeaders = ["*"],
            MaxAge = 3000,
        }];
        // Photos are only needed until analysed; the analyze function deletes them, this catches the rest.
        photoProps.LifecycleRules = [new LifecycleRule
        {
            Id = "DeletePhotosAfterOneDay",
            Prefix = PhotoKey.Prefix,
            Expiration = Duration.Days(1),
        }];
        var photos = new Bucket(this, "PhotoBucket", photoProps);

        var functions = new FunctionFactory(this, settings, new Dictionary<string, string>
        {
            ["Storage__TableName"] = table.TableName,
            ["Storage__BucketName"] = photos.BucketName,
        });
        var upload = functions.Create("UploadFunction", memorySize: 512, Duration.Seconds(10));
        var analyze = functions.Create("AnalyzeFunction", memorySize: 1536, Duration.Seconds(30), AnalyzeEnvironment(settings), props =>
        {
            // S3 invokes asynchronously. An analysis still pending 20 minutes after its upload target was issued is
            // settled as failed (AbandonedAnalyses.GiveUpAfter), so an event older than that is not worth retrying.
            props.MaxEventAge = Duration.Minutes(20);
            props.RetryAttempts = 2;
        });
        var recommend = functions.Create("RecommendFunction", memorySize: 512, Duration.Seconds(10));

        var photoObjects = photos.ArnForObjects(PhotoKey.Prefix + "*");
        // The presigned POST is signed with the upload function's role, so that role needs the PutObject itself.
        Allow(upload, photoObjects, "s3:PutObject");
        Allow(upload, table.TableArn, "dynamodb:PutItem");
        Allow(analyze, photoObjects, "s3:GetObject", "s3:DeleteObject");
        // Without ListBucket S3 answers 403, not 404, for a photo already deleted (a duplicate delivery of the
        // event), and the read throws instead of returning "missing". Not narrowed by an s3:prefix condition: that
        // key only exists on list requests, so it would likely not match S3's existence check behind a GetObject
        // (unverified on AWS). The bucket holds nothing but photos/ objects, which this role may read anyway.
        Allow(analyze, photos.BucketArn, "s3:ListBucket");
        // GetAsync (GetItem) and the conditional TryFinishAsync (UpdateItem) on analyses, and the track media cache
        // (DynamoDbTrackMediaCache: BatchGetItem, PutItem) are all the analyzer calls on the table.
        Allow(analyze, table.TableArn, "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem", "dynamodb:PutItem");
        Allow(recommend, table.TableArn,
            "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
            "dynamodb:BatchGetItem", "dynamodb:PutItem");

        photos.AddEventNotification(
            EventType.OBJECT_CREATED, new LambdaDestination(analyze), new NotificationKeyFilter { Prefix = PhotoKey.Prefix });

        api.AddRoutes(new AddRoutesOptions
        {
            Path = "/api/uploads",
            Methods = [ApiMethod.POST],
            Integration = new HttpLambdaIntegration("UploadIntegration", upload),
        });
        api.AddRoutes(new AddRoutesOptions
        {
            Path = "/api/{proxy+}",
            Methods = [ApiMethod.ANY],
            Integration = new HttpLambdaIntegration("RecommendIntegration", recommend),
        });

        _ = new BucketDeployment(this, "DeploySite", new BucketDeploymentProps
        {
            Sources = [Source.Asset(RequireDirectory(settings.SiteRoot, MoodtunesSettings.SiteRootKey))],
            DestinationBucket = siteBucket,
            Distribution = distribution,
            DistributionPaths = ["/*"],
        });

        Output(PageUrlOutput, pageUrl, "Open on a phone (see the QR command in docs/deploy.md)");
        Output("ApiUrl", api.ApiEndpoint, "HTTP API, also reachable through the page's /api/*");
        Output("PhotoBucketName", photos.BucketName, "Uploaded photos, deleted after analysis or one day");
        Output("SiteBucketName", siteBucket.BucketName, "Static page files");
        Output("TableName", table.TableName, "Analyses table");
    }

    /// <summary>Path of the folder, or a synth error that says how to produce it.</summary>
    private static string RequireDirectory(string path, string contextKey) => Directory.Exists(path)
        ? path
        : throw new DirectoryNotFoundException(
            $"'{path}' does not exist: build it (see docs/deploy.md) or point context '{contextKey}' elsewhere (-c {contextKey}=...).");

    private static BucketProps PrivateBucketProps(RemovalPolicy removalPolicy) => new()
    {
        Encryption = BucketEncryption.S3_MANAGED,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        RemovalPolicy = removalPolicy,
        // CloudFormation cannot delete a bucket that still holds objects.
        AutoDeleteObjects = removalPolicy == RemovalPolicy.DESTROY,
    };

    private static void Allow(LambdaFunction function, string resource, params string[] actions) =>
        function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Effect = Effect.ALLOW,
            Actions = actions,
            Resources = [resource],
        }));

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });

    /// <summary>Builds the three ASP.NET Core functions the same way: managed dotnet10 runtime plus the Lambda Web Adapter.</summary>
    private static Dictionary<string, string> AnalyzeEnvironment(MoodtunesSettings settings)
    {
        var environment = new Dictionary<string, string>
        {
            // S3 events arrive as POST /events; a 5xx there must fail the invocation so Lambda retries it.
            ["AWS_LWA_PASS_THROUGH_PATH"] = "/events",
            ["AWS_LWA_ERROR_STATUS_CODES"] = "500-599",
        };
        if (settings.EmotionModel is { } model)
        {
            // Refuse at synth rather than at the first cold start: the file must be in the package.
            var packaged = Path.Combine(settings.PublishRoot, "AnalyzeFunction", "models", model);
            if (!File.Exists(packaged))
            {
                throw new ArgumentException(
                    $"Context '{MoodtunesSettings.EmotionModelKey}': {packaged} does not exist (run scripts/publish-lambdas.sh first).");
            }

            environment["Vision__EmotionModelFile"] = model;
        }

        return environment;
    }

    private sealed class FunctionFactory(Stack stack, MoodtunesSettings settings, IReadOnlyDictionary<string, string> storage)
    {
        // dotnet10 is GA on Lambda but newer than CDK 2.160, which has no DOTNET_10 member.
        private readonly Runtime runtime = new("dotnet10", RuntimeFamily.DOTNET_CORE, new LambdaRuntimeProps { SupportsSnapStart = true });
        private readonly ILayerVersion webAdapter = LayerVersion.FromLayerVersionArn(stack, "WebAdapterLayer", Fn.Sub(WebAdapterLayerArn));

        public LambdaFunction Create(
            string name,
            int memorySize,
            Duration timeout,
            IEnumerable<KeyValuePair<string, string>>? extraEnvironment = null,
            Action<FunctionProps>? configure = null)
        {
            var publishFolder = RequireDirectory(Path.Combine(settings.PublishRoot, name), MoodtunesSettings.PublishRootKey);
            var environment = new Dictionary<string, string>
            {
                // The adapter's wrapper starts the app (the handler is its executable) and proxies events to Kestrel.
                ["AWS_LAMBDA_EXEC_WRAPPER"] = "/opt/bootstrap",
                ["AWS_LWA_PORT"] = "8080",
                ["AWS_LWA_READINESS_CHECK_PATH"] = "/",
                ["ASPNETCORE_URLS"] = "http://+:8080",
            };
            foreach (var (key, value) in storage.Concat(extraEnvironment ?? []))
            {
                environment[key] = value;
            }

            var props = new FunctionProps
            {
                Runtime = runtime,
                Architecture = Architecture.X86_64,
                Handler = name,
                Code = Code.FromAsset(publishFolder),
                Layers = [webAdapter],
                MemorySize = memorySize,
                Timeout = timeout,
                Environment = environment,
                LogGroup = new LogGroup(stack, $"{name}Logs", new LogGroupProps
                {
                    Retention = RetentionDays.TWO_WEEKS,
                    RemovalPolicy = settings.RemovalPolicy,
                }),
            };
            configure?.Invoke(props);
            return new LambdaFunction(stack, name, props);
        }
    }
}
