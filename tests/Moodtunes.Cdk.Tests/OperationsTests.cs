using System.Text.Json;
using Amazon.CDK.Assertions;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>What keeps the stack cheap under hostile traffic and tells its operator when something goes wrong.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class OperationsTests(SynthesizedStack stack)
{
    [Fact]
    public void No_function_reserves_concurrency_unless_the_deployer_asks()
    {
        // A reservation fails the whole deploy on accounts whose concurrency limit is still low (docs/deploy.md).
        Assert.All(stack.ResourcesOfType("AWS::Lambda::Function"), f =>
            Assert.False(f.Resource.GetProperty("Properties").TryGetProperty("ReservedConcurrentExecutions", out _), f.LogicalId));
    }

    [Fact]
    public void No_function_runs_a_nodejs_runtime_and_the_cdk_helpers_run_the_pinned_python()
    {
        var runtimes = stack.ResourcesOfType("AWS::Lambda::Function")
            .ToDictionary(f => f.LogicalId, f => f.Resource.GetProperty("Properties").GetProperty("Runtime").GetString());
        var ours = SynthesizedStack.FunctionNames.Select(name => stack.Function(name).LogicalId).ToHashSet();

        Assert.All(ours, id => Assert.Equal("dotnet10", runtimes[id]));
        // The site upload and the bucket notifications; no bucket auto-delete helper (its runtime is Node.js).
        Assert.Equal(2, runtimes.Count - ours.Count);
        Assert.All(runtimes.Where(r => !ours.Contains(r.Key)), r => Assert.Equal(MoodtunesStack.HelperRuntime, r.Value));
        Assert.Empty(stack.ResourcesOfType("Custom::S3AutoDeleteObjects"));
        Assert.DoesNotContain("nodejs", stack.Root.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("UploadFunction")]
    [InlineData("AnalyzeFunction")]
    [InlineData("RecommendFunction")]
    public void Functions_snapstart_published_versions_behind_a_live_alias(string name)
    {
        var (function, properties) = stack.Function(name);
        Json.Equal("""{ "ApplyOn": "PublishedVersions" }""", properties.GetProperty("SnapStart"));

        var alias = stack.Root.GetProperty("Resources").GetProperty(stack.Alias(name)).GetProperty("Properties");
        Assert.Equal(LambdaFunctions.LiveAlias, alias.GetProperty("Name").GetString());
        var version = alias.GetProperty("FunctionVersion").GetProperty("Fn::GetAtt");
        Assert.Equal("Version", version[1].GetString());
        var versionResource = stack.Root.GetProperty("Resources").GetProperty(version[0].GetString()!);
        Assert.Equal("AWS::Lambda::Version", versionResource.GetProperty("Type").GetString());
        Json.Equal($$"""{ "Ref": "{{function}}" }""", versionResource.GetProperty("Properties").GetProperty("FunctionName"));
    }

    [Fact]
    public void Failed_events_queue_keeps_messages_14_days_encrypted_and_tls_only()
    {
        var (queue, resource) = stack.Single("AWS::SQS::Queue", "FailedAnalyzeEvents");

        Json.Equal("""{ "MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": true }""", resource.GetProperty("Properties"));
        stack.Template.HasResourceProperties("AWS::SQS::QueuePolicy", new Dictionary<string, object>
        {
            ["Queues"] = Json.ToJsii($$"""[{ "Ref": "{{queue}}" }]"""),
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Json.Like("""
                    { "Action": "sqs:*", "Effect": "Deny", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
                    """)]),
            },
        });
    }

    [Fact]
    public void Alarms_watch_analyze_errors_and_throttles_the_oldest_failed_event_and_api_5xx()
    {
        var analyze = stack.Function("AnalyzeFunction").LogicalId;
        var queue = stack.Single("AWS::SQS::Queue", "FailedAnalyzeEvents").LogicalId;
        var api = stack.Single("AWS::ApiGatewayV2::Api", "Api").LogicalId;
        var alarms = stack.ResourcesOfType("AWS::CloudWatch::Alarm")
            .ToDictionary(a => a.Resource.GetProperty("Properties").GetProperty("MetricName").GetString()!, a => a.Resource.GetProperty("Properties"));

        Assert.Equal(["5xx", "ApproximateAgeOfOldestMessage", "Errors", "Throttles"], alarms.Keys.Order(StringComparer.Ordinal));
        AssertAlarm(alarms["Errors"], "AWS/Lambda", "FunctionName", $$"""{ "Ref": "{{analyze}}" }""", "Sum", 1);
        AssertAlarm(alarms["Throttles"], "AWS/Lambda", "FunctionName", $$"""{ "Ref": "{{analyze}}" }""", "Sum", 1);
        AssertAlarm(alarms["ApproximateAgeOfOldestMessage"], "AWS/SQS", "QueueName", $$"""{ "Fn::GetAtt": ["{{queue}}", "QueueName"] }""", "Maximum", 60);
        AssertAlarm(alarms["5xx"], "AWS/ApiGateway", "ApiId", $$"""{ "Ref": "{{api}}" }""", "Sum", 5);
    }

    [Fact]
    public void One_dashboard_shows_analyses_the_api_and_failed_events()
    {
        var (_, dashboard) = Assert.Single(stack.ResourcesOfType("AWS::CloudWatch::Dashboard"));
        var body = JsonSerializer.Serialize(dashboard.GetProperty("Properties").GetProperty("DashboardBody"));

        foreach (var title in new[] { "Analyses", "Analyze duration (ms)", "API requests", "Failed S3 events" })
        {
            Assert.Contains($"\\u0022title\\u0022:\\u0022{title}", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void By_default_no_web_acl_is_made_or_attached()
    {
        stack.Template.ResourceCountIs("AWS::WAFv2::WebACL", 0);
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        Assert.False(config.TryGetProperty("WebACLId", out _));
    }

    [Fact]
    public void Context_picks_x86_64_a_waf_rate_rule_spotify_parameters_and_the_limits()
    {
        using var variant = new SynthesizedStack(new Dictionary<string, object>
        {
            [MoodtunesSettings.ArchitectureKey] = "x86_64",
            [MoodtunesSettings.WafRateLimitKey] = "1000",
            [MoodtunesSettings.SpotifyClientIdParameterKey] = "/moodtunes/spotify-id",
            [MoodtunesSettings.SpotifyClientSecretParameterKey] = "/moodtunes/spotify-secret",
            [MoodtunesSettings.AnalyzeConcurrencyKey] = "3",
            [MoodtunesSettings.UploadRateLimitKey] = "2",
            [MoodtunesSettings.LogLevelKey] = "Debug",
            [MoodtunesSettings.AdapterLayerVersionKey] = "31",
        });

        foreach (var name in SynthesizedStack.FunctionNames)
        {
            var function = variant.Function(name).Properties;
            Json.Equal("""["x86_64"]""", function.GetProperty("Architectures"));
            Json.Equal("""[{ "Fn::Sub": "arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerX86:31" }]""", function.GetProperty("Layers"));
            Assert.Equal("Debug", function.GetProperty("Environment").GetProperty("Variables").GetProperty("Logging__LogLevel__Default").GetString());
        }

        Assert.Equal(3, variant.Function("AnalyzeFunction").Properties.GetProperty("ReservedConcurrentExecutions").GetInt32());
        Assert.False(variant.Function("UploadFunction").Properties.TryGetProperty("ReservedConcurrentExecutions", out _));
        var (_, stage) = Assert.Single(variant.ResourcesOfType("AWS::ApiGatewayV2::Stage"));
        Assert.Equal(2, stage.GetProperty("Properties").GetProperty("RouteSettings").GetProperty(ApiGateway.UploadRouteKey)
            .GetProperty("ThrottlingRateLimit").GetInt32());

        // Only the names of the Spotify parameters reach the two functions that pick tracks.
        foreach (var name in new[] { "AnalyzeFunction", "RecommendFunction" })
        {
            var variables = variant.Function(name).Properties.GetProperty("Environment").GetProperty("Variables");
            Assert.Equal("/moodtunes/spotify-id", variables.GetProperty("Secrets__Parameters__Spotify__ClientId").GetString());
            Assert.Equal("/moodtunes/spotify-secret", variables.GetProperty("Secrets__Parameters__Spotify__ClientSecret").GetString());
            Assert.False(variables.TryGetProperty("Spotify__ClientSecret", out _));
        }

        Assert.False(variant.Function("UploadFunction").Properties.GetProperty("Environment").GetProperty("Variables")
            .TryGetProperty("Secrets__Parameters__Spotify__ClientId", out _));

        var (acl, webAcl) = variant.Single("AWS::WAFv2::WebACL", "WebAcl");
        Json.Equal("""
            {
              "DefaultAction": { "Allow": {} },
              "Rules": [{
                "Action": { "Block": {} },
                "Name": "RateLimitPerIp",
                "Priority": 0,
                "Statement": { "RateBasedStatement": { "AggregateKeyType": "IP", "Limit": 1000 } },
                "VisibilityConfig": { "CloudWatchMetricsEnabled": true, "MetricName": "moodtunes-rate-limit", "SampledRequestsEnabled": true }
              }],
              "Scope": "CLOUDFRONT",
              "VisibilityConfig": { "CloudWatchMetricsEnabled": true, "MetricName": "moodtunes", "SampledRequestsEnabled": true }
            }
            """, webAcl.GetProperty("Properties"));
        var config = variant.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        Json.Equal($$"""{ "Fn::GetAtt": ["{{acl}}", "Arn"] }""", config.GetProperty("WebACLId"));
        // CloudFront's web ACLs can only be made in us-east-1: the deploy stops elsewhere with a message.
        var rule = variant.Root.GetProperty("Rules").GetProperty("WebAclNeedsUsEast1").GetProperty("Assertions")[0];
        Json.Equal("""{ "Fn::Equals": [{ "Ref": "AWS::Region" }, "us-east-1"] }""", rule.GetProperty("Assert"));
    }

    [Fact]
    public void The_template_holds_no_secret_value()
    {
        // Secrets Manager generates the one secret at deploy; the header that carries it is a dynamic reference that
        // CloudFormation resolves, and Spotify credentials are parameter names (the synth with them is above).
        foreach (var (_, secret) in stack.ResourcesOfType("AWS::SecretsManager::Secret"))
        {
            Assert.False(secret.GetProperty("Properties").TryGetProperty("SecretString", out _));
            Assert.True(secret.GetProperty("Properties").TryGetProperty("GenerateSecretString", out _));
        }

        Assert.Contains("{{resolve:secretsmanager:", stack.Root.GetRawText(), StringComparison.Ordinal);
    }

    private static void AssertAlarm(JsonElement alarm, string metricNamespace, string dimension, string dimensionValue, string statistic, double threshold)
    {
        Assert.Equal(metricNamespace, alarm.GetProperty("Namespace").GetString());
        var (name, value) = (alarm.GetProperty("Dimensions")[0].GetProperty("Name").GetString(), alarm.GetProperty("Dimensions")[0].GetProperty("Value"));
        Assert.Equal(dimension, name);
        Json.Equal(dimensionValue, value);
        Assert.Equal(statistic, alarm.GetProperty("Statistic").GetString());
        Assert.Equal(threshold, alarm.GetProperty("Threshold").GetDouble());
        Assert.Equal(300, alarm.GetProperty("Period").GetInt32());
        Assert.Equal("GreaterThanOrEqualToThreshold", alarm.GetProperty("ComparisonOperator").GetString());
        Assert.Equal("notBreaching", alarm.GetProperty("TreatMissingData").GetString());
    }
}
