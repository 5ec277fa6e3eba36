using Amazon.CDK;
using Amazon.CDK.AWS.Apigatewayv2;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AwsApigatewayv2Integrations;
using Constructs;
using Moodtunes.Api;
using ApiMethod = Amazon.CDK.AWS.Apigatewayv2.HttpMethod;

namespace Moodtunes.Cdk;

/// <summary>
/// The HTTP API behind CloudFront's <c>/api/*</c>: uploads to the upload function, every other API path to the
/// recommend function, a stage throttling every route (uploads harder), and one access log line per request.
/// </summary>
public sealed class ApiGateway : StackPart
{
    /// <summary>The route throttled harder than the rest of the API (API Gateway's route key).</summary>
    public const string UploadRouteKey = "POST " + ApiRoutes.Uploads;

    /// <summary>Every other API path, whatever the method (API Gateway's greedy path variable).</summary>
    public const string ProxyPath = ApiRoutes.Prefix + "/{proxy+}";

    /// <summary>One line per API request, as JSON, in the access log group.</summary>
    public const string AccessLogFormat =
        """{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength","integrationLatency":"$context.integrationLatency","integrationError":"$context.integrationErrorMessage"}""";

    private readonly MoodtunesSettings settings;
    private readonly HttpStage stage;

    public ApiGateway(Construct scope, string id, MoodtunesSettings settings)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        this.settings = settings;
        // Routes are added once the functions exist (Route); the distribution only needs the API's host name. The stage
        // is made by hand because the default one takes no throttling.
        Api = new HttpApi(this, "Api", new HttpApiProps { ApiName = "moodtunes", CreateDefaultStage = false });
        stage = new HttpStage(this, "ApiStage", new HttpStageProps
        {
            HttpApi = Api,
            StageName = "$default",
            AutoDeploy = true,
            Throttle = new ThrottleSettings { RateLimit = settings.ApiRateLimit, BurstLimit = settings.ApiBurstLimit },
        });
        var accessLog = new LogGroup(this, "ApiAccessLogs", new LogGroupProps
        {
            Retention = RetentionDays.TWO_WEEKS,
            RemovalPolicy = settings.RemovalPolicy,
        });
        // HttpStage of this CDK version takes no access log settings, so they go on the CloudFormation resource.
        // The device token and the origin header are never logged.
        ((CfnStage)stage.Node.DefaultChild!).AccessLogSettings = new CfnStage.AccessLogSettingsProperty
        {
            DestinationArn = accessLog.LogGroupArn,
            Format = AccessLogFormat,
        };
    }

    public HttpApi Api { get; }

    /// <summary>The API's host name, for CloudFront's origin (the endpoint is <c>https://host</c>).</summary>
    public string Host => Fn.Select(2, Fn.Split("/", Api.ApiEndpoint));

    /// <summary>Routes uploads to <paramref name="upload"/> and every other API path to <paramref name="recommend"/>.</summary>
    public void Route(IFunction upload, IFunction recommend)
    {
        var uploadRoute = Api.AddRoutes(new AddRoutesOptions
        {
            Path = ApiRoutes.Uploads,
            Methods = [ApiMethod.POST],
            Integration = new HttpLambdaIntegration("UploadIntegration", upload),
        });
        Api.AddRoutes(new AddRoutesOptions
        {
            Path = ProxyPath,
            Methods = [ApiMethod.ANY],
            Integration = new HttpLambdaIntegration("RecommendIntegration", recommend),
        });

        // Uploads are throttled harder than reads: each one can start an analysis.
        ((CfnStage)stage.Node.DefaultChild!).RouteSettings = new Dictionary<string, object>
        {
            [UploadRouteKey] = new Dictionary<string, object>
            {
                ["ThrottlingRateLimit"] = settings.UploadRateLimit,
                ["ThrottlingBurstLimit"] = settings.UploadBurstLimit,
            },
        };
        // Route settings name a route, which must exist first.
        foreach (var route in uploadRoute)
        {
            stage.Node.AddDependency(route);
        }
    }
}
