using System.Text.Json;
using Amazon.CDK.Assertions;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class MoodtunesStackTests(SynthesizedStack stack)
{
    private string PhotoBucket => stack.Single("AWS::S3::Bucket", "PhotoBucket").LogicalId;
    private string SiteBucket => stack.Single("AWS::S3::Bucket", "SiteBucket").LogicalId;
    private string Distribution => stack.Single("AWS::CloudFront::Distribution", "Site").LogicalId;
    private string Table => stack.Single("AWS::DynamoDB::Table", "Analyses").LogicalId;
    private string Api => stack.Single("AWS::ApiGatewayV2::Api", "Api").LogicalId;
    private string FailedEvents => stack.Single("AWS::SQS::Queue", "FailedAnalyzeEvents").LogicalId;
    private string OriginSecret => stack.Single("AWS::SecretsManager::Secret", "OriginSecret").LogicalId;

    /// <summary>Parameter Store's view of the origin secret, and the secret itself behind it.</summary>
    private string OriginSecretStatements => $$"""
        {
          "Action": "ssm:GetParameters",
          "Effect": "Allow",
          "Resource": { "Fn::Join": ["", [
            "arn:", { "Ref": "AWS::Partition" }, ":ssm:", { "Ref": "AWS::Region" }, ":", { "Ref": "AWS::AccountId" },
            ":parameter/aws/reference/secretsmanager/MoodtunesStack/origin-verify"
          ]] }
        },
        { "Action": "secretsmanager:GetSecretValue", "Effect": "Allow", "Resource": { "Ref": "{{OriginSecret}}" } }
        """;

    private string PhotoObjectsArn => $$"""{ "Fn::Join": ["", [{ "Fn::GetAtt": ["{{PhotoBucket}}", "Arn"] }, "/{{PhotoKey.Prefix}}*"]] }""";
    private string PhotoBucketArn => $$"""{ "Fn::GetAtt": ["{{PhotoBucket}}", "Arn"] }""";
    private string TableArn => $$"""{ "Fn::GetAtt": ["{{Table}}", "Arn"] }""";

    [Fact]
    public void Both_buckets_are_private_s3_encrypted_and_refuse_plain_http()
    {
        stack.Template.ResourceCountIs("AWS::S3::Bucket", 2);
        stack.Template.AllResourcesProperties("AWS::S3::Bucket", Json.Like("""
            {
              "BucketEncryption": { "ServerSideEncryptionConfiguration": [{ "ServerSideEncryptionByDefault": { "SSEAlgorithm": "AES256" } }] },
              "PublicAccessBlockConfiguration": { "BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": true }
            }
            """));
        var denyInsecure = Json.Like("""
            { "Action": "s3:*", "Effect": "Deny", "Condition": { "Bool": { "aws:SecureTransport": "false" } } }
            """);
        stack.Template.ResourcePropertiesCountIs("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object> { ["Statement"] = Match.ArrayWith([denyInsecure]) },
        }, 2);
    }

    [Fact]
    public void Photo_bucket_takes_posts_from_the_page_only_and_forgets_photos_after_a_day()
    {
        var bucket = stack.Single("AWS::S3::Bucket", "PhotoBucket").Resource.GetProperty("Properties");

        Json.Equal($$"""
            { "CorsRules": [{
                "AllowedHeaders": ["*"],
                "AllowedMethods": ["POST"],
                "AllowedOrigins": [{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["{{Distribution}}", "DomainName"] }]] }],
                "MaxAge": 3000
            }] }
            """, bucket.GetProperty("CorsConfiguration"));
        Json.Equal($$"""
            { "Rules": [{ "ExpirationInDays": 1, "Id": "DeletePhotosAfterOneDay", "Prefix": "{{PhotoKey.Prefix}}", "Status": "Enabled" }] }
            """, bucket.GetProperty("LifecycleConfiguration"));
    }

    [Fact]
    public void New_photos_notify_the_analyze_functions_live_alias()
    {
        var analyze = stack.Alias("AnalyzeFunction");
        var (_, notifications) = Assert.Single(stack.ResourcesOfType("Custom::S3BucketNotifications"));

        Json.Equal($$"""{ "Ref": "{{PhotoBucket}}" }""", notifications.GetProperty("Properties").GetProperty("BucketName"));
        Json.Equal($$"""
            { "LambdaFunctionConfigurations": [{
                "Events": ["s3:ObjectCreated:*"],
                "Filter": { "Key": { "FilterRules": [{ "Name": "prefix", "Value": "{{PhotoKey.Prefix}}" }] } },
                "LambdaFunctionArn": { "Ref": "{{analyze}}" }
            }] }
            """, notifications.GetProperty("Properties").GetProperty("NotificationConfiguration"));
        stack.Template.HasResourceProperties("AWS::Lambda::Permission", Json.ToJsii($$"""
            { "Action": "lambda:InvokeFunction", "Principal": "s3.amazonaws.com", "FunctionName": { "Ref": "{{analyze}}" } }
            """));
    }

    [Fact]
    public void Table_is_on_demand_keyed_by_device_and_analysis_with_ttl_and_pitr()
    {
        stack.Template.ResourceCountIs("AWS::DynamoDB::Table", 1);
        stack.Template.HasResource("AWS::DynamoDB::Table", Json.ToJsii($$"""
            {
              "Properties": {
                "AttributeDefinitions": [
                  { "AttributeName": "{{DynamoDbTableDefinition.PartitionKeyName}}", "AttributeType": "S" },
                  { "AttributeName": "{{DynamoDbTableDefinition.SortKeyName}}", "AttributeType": "S" }
                ],
                "KeySchema": [
                  { "AttributeName": "{{DynamoDbTableDefinition.PartitionKeyName}}", "KeyType": "HASH" },
                  { "AttributeName": "{{DynamoDbTableDefinition.SortKeyName}}", "KeyType": "RANGE" }
                ],
                "BillingMode": "PAY_PER_REQUEST",
                "TimeToLiveSpecification": { "AttributeName": "{{DynamoDbTableDefinition.TimeToLiveAttribute}}", "Enabled": true },
                "PointInTimeRecoverySpecification": { "PointInTimeRecoveryEnabled": true }
              },
              "DeletionPolicy": "Delete"
            }
            """));
    }

    [Theory]
    [InlineData("UploadFunction", 512, 10)]
    [InlineData("AnalyzeFunction", 1536, 30)]
    [InlineData("RecommendFunction", 512, 10)]
    public void Functions_run_the_published_executable_on_dotnet10_arm64_behind_the_web_adapter(string name, int memory, int timeout)
    {
        var (_, function) = stack.Function(name);

        Assert.Equal("dotnet10", function.GetProperty("Runtime").GetString());
        Json.Equal("""["arm64"]""", function.GetProperty("Architectures"));
        Assert.Equal(memory, function.GetProperty("MemorySize").GetInt32());
        Assert.Equal(timeout, function.GetProperty("Timeout").GetInt32());
        // The newest layer the adapter's docs list (docs/deploy.md cites the page).
        Json.Equal("""[{ "Fn::Sub": "arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerArm64:30" }]""",
            function.GetProperty("Layers"));
    }

    private const string OriginSecretReference = """
        , "Secrets__Parameters__Moodtunes__OriginSecret": "/aws/reference/secretsmanager/MoodtunesStack/origin-verify"
        """;

    [Theory]
    [InlineData("UploadFunction", OriginSecretReference)]
    [InlineData("AnalyzeFunction", """, "AWS_LWA_PASS_THROUGH_PATH": "/events", "AWS_LWA_ERROR_STATUS_CODES": "500-599" """)]
    [InlineData("RecommendFunction", OriginSecretReference)]
    public void Functions_get_the_adapter_storage_json_logging_and_secret_names_but_no_secret(string name, string extra)
    {
        var (_, function) = stack.Function(name);

        Json.Equal($$"""
            {
              "AWS_LAMBDA_EXEC_WRAPPER": "/opt/bootstrap",
              "AWS_LWA_PORT": "8080",
              "AWS_LWA_READINESS_CHECK_PATH": "/",
              "ASPNETCORE_URLS": "http://+:8080",
              "Logging__Console__FormatterName": "json",
              "Logging__Console__FormatterOptions__IncludeScopes": "true",
              "Logging__LogLevel__Default": "Information",
              "Storage__TableName": { "Ref": "{{Table}}" },
              "Storage__BucketName": { "Ref": "{{PhotoBucket}}" }
              {{extra}}
            }
            """, function.GetProperty("Environment").GetProperty("Variables"));
    }

    [Theory]
    [InlineData("UploadFunction")]
    [InlineData("AnalyzeFunction")]
    [InlineData("RecommendFunction")]
    public void Functions_log_to_their_own_group_kept_two_weeks(string name)
    {
        var (_, function) = stack.Function(name);
        var logGroup = function.GetProperty("LoggingConfig").GetProperty("LogGroup").GetProperty("Ref").GetString()!;

        var resource = stack.Root.GetProperty("Resources").GetProperty(logGroup);
        Assert.Equal("AWS::Logs::LogGroup", resource.GetProperty("Type").GetString());
        Assert.Equal(14, resource.GetProperty("Properties").GetProperty("RetentionInDays").GetInt32());
        Assert.Equal("Delete", resource.GetProperty("DeletionPolicy").GetString());
        // One per function and the API stage's access log.
        stack.Template.ResourceCountIs("AWS::Logs::LogGroup", 4);
    }

    [Fact]
    public void Upload_may_only_put_photos_and_analysis_records_and_read_the_origin_secret()
    {
        AssertOnlyStatements("UploadFunction", $$"""
            [
              { "Action": "s3:PutObject", "Effect": "Allow", "Resource": {{PhotoObjectsArn}} },
              { "Action": "dynamodb:PutItem", "Effect": "Allow", "Resource": {{TableArn}} },
              {{OriginSecretStatements}}
            ]
            """);
    }

    [Fact]
    public void Analyze_may_only_read_and_delete_photos_list_the_photo_bucket_read_and_update_analyses_and_use_the_media_cache()
    {
        // GetAsync is GetItem and TryFinishAsync a conditional UpdateItem (the analyzer never creates an analysis);
        // the track media cache reads with BatchGetItem and writes with PutItem.
        // The first statement is the on-failure destination's: Lambda sends the failed event to the queue as the function.
        AssertOnlyStatements("AnalyzeFunction", $$"""
            [
              {
                "Action": ["sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                "Effect": "Allow",
                "Resource": { "Fn::GetAtt": ["{{FailedEvents}}", "Arn"] }
              },
              { "Action": ["s3:GetObject", "s3:DeleteObject"], "Effect": "Allow", "Resource": {{PhotoObjectsArn}} },
              { "Action": "s3:ListBucket", "Effect": "Allow", "Resource": {{PhotoBucketArn}} },
              {
                "Action": ["dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:BatchGetItem", "dynamodb:PutItem"],
                "Effect": "Allow",
                "Resource": {{TableArn}}
              }
            ]
            """);
    }

    [Fact]
    public void Analyze_alias_drops_s3_events_older_than_the_abandon_deadline_retries_twice_then_queues_them()
    {
        var analyze = stack.Function("AnalyzeFunction").LogicalId;
        var alias = stack.Alias("AnalyzeFunction");
        var (_, config) = Assert.Single(stack.ResourcesOfType("AWS::Lambda::EventInvokeConfig"));

        // 20 minutes: AbandonedAnalyses.GiveUpAfter, after which a pending analysis is settled as failed. The qualifier is
        // the alias name, cut from the alias ARN.
        Json.Equal($$"""
            {
              "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": ["{{FailedEvents}}", "Arn"] } } },
              "FunctionName": { "Ref": "{{analyze}}" },
              "MaximumEventAgeInSeconds": 1200,
              "MaximumRetryAttempts": 2,
              "Qualifier": { "Fn::Select": [7, { "Fn::Split": [":", { "Ref": "{{alias}}" }] }] }
            }
            """, config.GetProperty("Properties"));
    }

    [Fact]
    public void Recommend_may_only_use_the_table_and_read_the_origin_secret()
    {
        // Analyses (get, history, tracks, delete, delete-all) and the track media cache (BatchGetItem, PutItem).
        AssertOnlyStatements("RecommendFunction", $$"""
            [
              {
                "Action": [
                  "dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem",
                  "dynamodb:BatchGetItem", "dynamodb:PutItem"
                ],
                "Effect": "Allow",
                "Resource": {{TableArn}}
              },
              {{OriginSecretStatements}}
            ]
            """);
    }

    [Fact]
    public void Http_api_routes_uploads_to_upload_and_the_rest_of_api_to_recommend_through_their_live_aliases()
    {
        var routes = stack.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .ToDictionary(r => r.Resource.GetProperty("Properties").GetProperty("RouteKey").GetString()!, r => r.Resource.GetProperty("Properties"));

        Assert.Equal(["ANY /api/{proxy+}", MoodtunesStack.UploadRouteKey], routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(stack.Alias("UploadFunction"), IntegratedFunction(routes[MoodtunesStack.UploadRouteKey]));
        Assert.Equal(stack.Alias("RecommendFunction"), IntegratedFunction(routes["ANY /api/{proxy+}"]));
    }

    [Fact]
    public void Api_stage_throttles_every_route_and_uploads_harder()
    {
        var (_, stage) = Assert.Single(stack.ResourcesOfType("AWS::ApiGatewayV2::Stage"));

        // Defaults of MoodtunesSettings: 50 requests/s (burst 100) for the API, 5/s (burst 10) for uploads.
        Json.Equal($$"""
            {
              "AccessLogSettings": {
                "DestinationArn": { "Fn::GetAtt": ["{{stack.Single("AWS::Logs::LogGroup", "ApiAccessLogs").LogicalId}}", "Arn"] },
                "Format": {{JsonSerializer.Serialize(MoodtunesStack.AccessLogFormat)}}
              },
              "ApiId": { "Ref": "{{Api}}" },
              "AutoDeploy": true,
              "DefaultRouteSettings": { "ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50 },
              "RouteSettings": { "{{MoodtunesStack.UploadRouteKey}}": { "ThrottlingBurstLimit": 10, "ThrottlingRateLimit": 5 } },
              "StageName": "$default"
            }
            """, stage.GetProperty("Properties"));
    }

    [Fact]
    public void Distribution_serves_the_private_site_bucket_through_origin_access_control()
    {
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        var defaultBehavior = config.GetProperty("DefaultCacheBehavior");
        var origin = Origin(config, defaultBehavior.GetProperty("TargetOriginId").GetString()!);

        Assert.Equal("index.html", config.GetProperty("DefaultRootObject").GetString());
        Assert.Equal("redirect-to-https", defaultBehavior.GetProperty("ViewerProtocolPolicy").GetString());
        Json.Equal($$"""{ "Fn::GetAtt": ["{{SiteBucket}}", "RegionalDomainName"] }""", origin.GetProperty("DomainName"));
        Assert.True(origin.TryGetProperty("OriginAccessControlId", out _));
        stack.Template.HasResourceProperties("AWS::CloudFront::OriginAccessControl", Json.ToJsii("""
            { "OriginAccessControlConfig": { "OriginAccessControlOriginType": "s3", "SigningBehavior": "always", "SigningProtocol": "sigv4" } }
            """));
        stack.Template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["Bucket"] = Json.ToJsii($$"""{ "Ref": "{{SiteBucket}}" }"""),
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Json.Like("""
                    { "Action": "s3:GetObject", "Effect": "Allow", "Principal": { "Service": "cloudfront.amazonaws.com" } }
                    """)]),
            },
        });
    }

    [Fact]
    public void Api_behaviour_is_uncached_allows_every_method_and_forwards_viewer_headers_but_host()
    {
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        var behavior = Assert.Single(config.GetProperty("CacheBehaviors").EnumerateArray());
        var origin = Origin(config, behavior.GetProperty("TargetOriginId").GetString()!);

        Assert.Equal("/api/*", behavior.GetProperty("PathPattern").GetString());
        Json.Equal("""["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]""", behavior.GetProperty("AllowedMethods"));
        // AWS managed policy ids: CachingDisabled and AllViewerExceptHostHeader.
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", behavior.GetProperty("CachePolicyId").GetString());
        Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", behavior.GetProperty("OriginRequestPolicyId").GetString());
        Assert.Equal("https-only", behavior.GetProperty("ViewerProtocolPolicy").GetString());
        Json.Equal($$"""{ "Fn::Select": [2, { "Fn::Split": ["/", { "Fn::GetAtt": ["{{Api}}", "ApiEndpoint"] }] }] }""",
            origin.GetProperty("DomainName"));
        Assert.Equal("https-only", origin.GetProperty("CustomOriginConfig").GetProperty("OriginProtocolPolicy").GetString());
    }

    [Fact]
    public void Api_origin_gets_the_generated_secret_header_by_reference_so_the_value_is_never_in_the_template()
    {
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        var behavior = Assert.Single(config.GetProperty("CacheBehaviors").EnumerateArray());
        var origin = Origin(config, behavior.GetProperty("TargetOriginId").GetString()!);
        var (secret, resource) = stack.Single("AWS::SecretsManager::Secret", "OriginSecret");

        Json.Equal($$$"""
            [{
              "HeaderName": "{{{OriginLock.HeaderName}}}",
              "HeaderValue": { "Fn::Join": ["", ["{{resolve:secretsmanager:", { "Ref": "{{{secret}}}" }, ":SecretString:::}}"]] }
            }]
            """, origin.GetProperty("OriginCustomHeaders"));
        Json.Equal("""
            {
              "Description": "Header value CloudFront adds to /api requests; the API functions refuse requests without it",
              "GenerateSecretString": { "ExcludePunctuation": true, "PasswordLength": 48 },
              "Name": "MoodtunesStack/origin-verify"
            }
            """, resource.GetProperty("Properties"));
    }

    [Fact]
    public void Page_files_are_deployed_to_the_site_bucket_and_invalidated()
    {
        var (_, deployment) = Assert.Single(stack.ResourcesOfType("Custom::CDKBucketDeployment"));
        var properties = deployment.GetProperty("Properties");

        Json.Equal($$"""{ "Ref": "{{SiteBucket}}" }""", properties.GetProperty("DestinationBucketName"));
        Json.Equal($$"""{ "Ref": "{{Distribution}}" }""", properties.GetProperty("DistributionId"));
        Json.Equal("""["/*"]""", properties.GetProperty("DistributionPaths"));
    }

    [Fact]
    public void The_deployed_page_allows_connections_only_to_its_own_origin_and_the_photo_buckets_upload_origin()
    {
        var (_, deployment) = Assert.Single(stack.ResourcesOfType("Custom::CDKBucketDeployment"));
        var properties = deployment.GetProperty("Properties");
        var folders = properties.GetProperty("SourceObjectKeys").EnumerateArray()
            .Select(key => Path.Combine(stack.AssemblyDirectory, $"asset.{Path.GetFileNameWithoutExtension(key.GetString())}"))
            .ToList();
        var markers = properties.GetProperty("SourceMarkers").EnumerateArray().ToList();

        // The page is the one source with markers: CloudFormation values the deployment writes into the file.
        var pageSource = Assert.Single(Enumerable.Range(0, folders.Count), i => markers[i].EnumerateObject().Any());
        var page = File.ReadAllText(Path.Combine(folders[pageSource], PageSecurityPolicy.PageFile));
        var deployed = markers[pageSource].EnumerateObject()
            .Aggregate(page, (text, marker) => text.Replace(marker.Name, JsonSerializer.Serialize(marker.Value), StringComparison.Ordinal));

        var connections = System.Text.RegularExpressions.Regex.Match(deployed, "connect-src [^;]*;").Value;
        Assert.Equal($$$"""connect-src 'self' https://{"Ref":"{{{PhotoBucket}}}"}.s3.{"Ref":"AWS::Region"}.amazonaws.com;""", connections);
        Assert.All(folders.Where((_, i) => i != pageSource), folder => Assert.False(File.Exists(Path.Combine(folder, PageSecurityPolicy.PageFile))));
    }

    [Fact]
    public void Outputs_name_the_page_api_buckets_and_table()
    {
        var outputs = stack.Root.GetProperty("Outputs");

        Json.Equal($$"""{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["{{Distribution}}", "DomainName"] }]] }""",
            outputs.GetProperty(MoodtunesStack.PageUrlOutput).GetProperty("Value"));
        Json.Equal($$"""{ "Fn::GetAtt": ["{{Api}}", "ApiEndpoint"] }""", outputs.GetProperty("ApiUrl").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{PhotoBucket}}" }""", outputs.GetProperty("PhotoBucketName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{SiteBucket}}" }""", outputs.GetProperty("SiteBucketName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{Table}}" }""", outputs.GetProperty("TableName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{FailedEvents}}" }""", outputs.GetProperty("FailedEventsQueueUrl").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{stack.Function("AnalyzeFunction").LogicalId}}" }""", outputs.GetProperty("AnalyzeFunctionName").GetProperty("Value"));
    }

    [Fact]
    public void Resources_have_no_dependency_cycle()
    {
        // CORS on the photo bucket needs the distribution's domain; CloudFormation would reject a loop back to it.
        var resources = stack.Root.GetProperty("Resources");
        var ids = resources.EnumerateObject().Select(r => r.Name).ToHashSet();
        var dependencies = resources.EnumerateObject().ToDictionary(
            r => r.Name,
            r => References(r.Value).Where(ids.Contains).ToHashSet());

        var state = new Dictionary<string, bool>(); // false: on the current path, true: done
        void Visit(string id)
        {
            if (state.TryGetValue(id, out var done))
            {
                Assert.True(done, $"dependency cycle through {id}");
                return;
            }

            state[id] = false;
            foreach (var dependency in dependencies[id])
            {
                Visit(dependency);
            }

            state[id] = true;
        }

        foreach (var id in ids)
        {
            Visit(id);
        }
    }

    [Fact]
    public void Missing_publish_folder_fails_synth_with_a_hint()
    {
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps
        {
            Context = new Dictionary<string, object>
            {
                [MoodtunesSettings.PublishRootKey] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}"),
                [MoodtunesSettings.SiteRootKey] = Path.Combine(RepositoryPaths.Root, "static-site"),
            },
        });

        var error = Assert.Throws<DirectoryNotFoundException>(
            () => new MoodtunesStack(app, "Broken", MoodtunesSettings.FromContext(app.Node)));
        Assert.Contains("publishRoot", error.Message, StringComparison.Ordinal);
    }

    private void AssertOnlyStatements(string function, string expectedStatements)
    {
        var role = stack.Function(function).Properties.GetProperty("Role").GetProperty("Fn::GetAtt")[0].GetString();
        var policies = stack.ResourcesOfType("AWS::IAM::Policy")
            .Where(p => p.Resource.GetProperty("Properties").GetProperty("Roles").EnumerateArray()
                .Any(r => r.TryGetProperty("Ref", out var id) && id.GetString() == role))
            .ToList();

        var (_, policy) = Assert.Single(policies);
        Json.Equal(expectedStatements, policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement"));
        // Besides that, only the managed policy that lets it write its logs.
        var managed = stack.Root.GetProperty("Resources").GetProperty(role!).GetProperty("Properties").GetProperty("ManagedPolicyArns");
        Json.Equal("""
            [{ "Fn::Join": ["", ["arn:", { "Ref": "AWS::Partition" }, ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"]] }]
            """, managed);
    }

    private string IntegratedFunction(JsonElement route)
    {
        var integration = route.GetProperty("Target").GetProperty("Fn::Join")[1][1].GetProperty("Ref").GetString()!;
        var properties = stack.Root.GetProperty("Resources").GetProperty(integration).GetProperty("Properties");
        Assert.Equal("AWS_PROXY", properties.GetProperty("IntegrationType").GetString());
        return properties.GetProperty("IntegrationUri").GetProperty("Ref").GetString()!;
    }

    private static JsonElement Origin(JsonElement distributionConfig, string id) =>
        Assert.Single(distributionConfig.GetProperty("Origins").EnumerateArray(), o => o.GetProperty("Id").GetString() == id);

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name switch
        {
            "Ref" when p.Value.ValueKind == JsonValueKind.String => [p.Value.GetString()!],
            "Fn::GetAtt" => [p.Value[0].GetString()!],
            "DependsOn" => p.Value.EnumerateArray().Select(d => d.GetString()!),
            _ => References(p.Value),
        }),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };
}
