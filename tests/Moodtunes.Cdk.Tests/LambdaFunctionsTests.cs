using Moodtunes.Api;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>The <see cref="LambdaFunctions"/> part: how each function runs, what it may touch, and the analyzer's S3 trigger.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class LambdaFunctionsTests(SynthesizedStack stack)
{
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
    [InlineData("AnalyzeFunction", $$""", "AWS_LWA_PASS_THROUGH_PATH": "{{ApiRoutes.Events}}", "AWS_LWA_ERROR_STATUS_CODES": "500-599" """)]
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
              "{{AwsStorageOptions.SectionName}}__{{nameof(AwsStorageOptions.TableName)}}": { "Ref": "{{stack.Table}}" },
              "{{AwsStorageOptions.SectionName}}__{{nameof(AwsStorageOptions.BucketName)}}": { "Ref": "{{stack.PhotoBucket}}" }
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
        { "Action": "secretsmanager:GetSecretValue", "Effect": "Allow", "Resource": { "Ref": "{{stack.OriginSecret}}" } }
        """;

    private string PhotoObjectsArn => $$"""{ "Fn::Join": ["", [{ "Fn::GetAtt": ["{{stack.PhotoBucket}}", "Arn"] }, "/{{PhotoKey.Prefix}}*"]] }""";
    private string PhotoBucketArn => $$"""{ "Fn::GetAtt": ["{{stack.PhotoBucket}}", "Arn"] }""";
    private string TableArn => $$"""{ "Fn::GetAtt": ["{{stack.Table}}", "Arn"] }""";

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
                "Resource": { "Fn::GetAtt": ["{{stack.FailedEvents}}", "Arn"] }
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

        // AbandonedAnalyses.GiveUpAfter, after which a pending analysis is settled as failed. The qualifier is
        // the alias name, cut from the alias ARN.
        Json.Equal($$"""
            {
              "DestinationConfig": { "OnFailure": { "Destination": { "Fn::GetAtt": ["{{stack.FailedEvents}}", "Arn"] } } },
              "FunctionName": { "Ref": "{{analyze}}" },
              "MaximumEventAgeInSeconds": {{AbandonedAnalyses.GiveUpAfter.TotalSeconds}},
              "MaximumRetryAttempts": 2,
              "Qualifier": { "Fn::Select": [7, { "Fn::Split": [":", { "Ref": "{{alias}}" }] }] }
            }
            """, config.GetProperty("Properties"));
    }

    [Fact]
    public void New_photos_notify_the_analyze_functions_live_alias()
    {
        var analyze = stack.Alias("AnalyzeFunction");
        var (_, notifications) = Assert.Single(stack.ResourcesOfType("Custom::S3BucketNotifications"));

        Json.Equal($$"""{ "Ref": "{{stack.PhotoBucket}}" }""", notifications.GetProperty("Properties").GetProperty("BucketName"));
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
}
