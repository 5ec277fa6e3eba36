using Amazon.CDK;
using Constructs;
using LambdaFunction = Amazon.CDK.AWS.Lambda.Function;

namespace Moodtunes.Cdk;

/// <summary>
/// Everything Moodtunes runs on, composed from its parts: the data stores, the three functions, the HTTP API, and the
/// edge (the page on CloudFront, which also fronts <c>/api/*</c> so page and API share one origin).
/// </summary>
public sealed class MoodtunesStack : Stack
{
    public const string DefaultStackName = "MoodtunesStack";
    public const string PageUrlOutput = "PageUrl";

    /// <summary>The runtime of the CDK's own helper functions (site upload, bucket notifications).</summary>
    public const string HelperRuntime = "python3.12";

    public MoodtunesStack(Construct scope, string id, MoodtunesSettings settings, IStackProps? props = null)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(settings);

        // Each part takes what the ones before it made: CloudFront needs the API's host, the photo bucket's CORS the
        // page's address, the functions the stores and the origin secret; routes and the page come last.
        var api = new ApiGateway(this, "HttpApi", settings);
        var edge = new Edge(this, "Edge", settings, api.Host);
        var data = new DataStores(this, "Data", settings, edge.PageUrl);
        var functions = new LambdaFunctions(this, "Functions", settings, data, edge);
        api.Route(functions.Upload.Alias, functions.Recommend.Alias);
        edge.DeploySite(data.Photos);

        Monitoring.Add(this, functions.Analyze.Function, api.Api, data.FailedEvents);
        UpdateHelperRuntimes(functions.All);

        Output(PageUrlOutput, edge.PageUrl, "Open on a phone (see the QR command in docs/deploy.md)");
        Output("ApiUrl", api.Api.ApiEndpoint, "HTTP API; answers 403 unless the request came through the page's /api/*");
        Output("PhotoBucketName", data.Photos.BucketName, "Uploaded photos, deleted after analysis or one day");
        Output("SiteBucketName", edge.SiteBucket.BucketName, "Static page files");
        Output("TableName", data.Table.TableName, "Analyses table");
        Output("FailedEventsQueueUrl", data.FailedEvents.QueueUrl, "S3 events the analyzer failed on; replay with moodtunes redrive");
        Output("AnalyzeFunctionName", functions.Analyze.Function.FunctionName, "The analyzer, for logs and metrics");
    }

    /// <summary>The Secrets Manager name of the origin header's value in a stack of this name.</summary>
    public static string OriginSecretName(string stackName) => $"{stackName}/origin-verify";

    /// <summary>The parts group resources for the reader; each resource keeps the id it had on the stack itself.</summary>
    protected override string AllocateLogicalId(CfnElement cfnElement) => LogicalIds.Of(cfnElement, this);

    /// <summary>
    /// CDK 2.160 (the newest that restores here) gives its helper functions python3.11, which is at the end of its
    /// support; newer CDK versions moved the same handlers to a later Python 3 (docs/deploy.md, "CDK's helper
    /// functions", has the dates and how sure they are). Every Lambda function that is not one of ours is a helper.
    /// </summary>
    private void UpdateHelperRuntimes(IReadOnlyCollection<LambdaFunction> ours)
    {
        var ownResources = ours.Select(f => f.Node.DefaultChild).ToHashSet();
        foreach (var resource in Node.FindAll().OfType<CfnResource>())
        {
            if (resource.CfnResourceType == "AWS::Lambda::Function" && !ownResources.Contains(resource))
            {
                resource.AddPropertyOverride("Runtime", HelperRuntime);
            }
        }
    }

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
