using System.Text.Json;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>The stack as a whole: what it outputs, that its parts fit together, and that an existing deploy updates in place.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class MoodtunesStackTests(SynthesizedStack stack)
{
    [Fact]
    public void Outputs_name_the_page_api_buckets_and_table()
    {
        var outputs = stack.Root.GetProperty("Outputs");

        Json.Equal($$"""{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["{{stack.Distribution}}", "DomainName"] }]] }""",
            outputs.GetProperty(MoodtunesStack.PageUrlOutput).GetProperty("Value"));
        Json.Equal($$"""{ "Fn::GetAtt": ["{{stack.Api}}", "ApiEndpoint"] }""", outputs.GetProperty("ApiUrl").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{stack.PhotoBucket}}" }""", outputs.GetProperty("PhotoBucketName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{stack.SiteBucket}}" }""", outputs.GetProperty("SiteBucketName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{stack.Table}}" }""", outputs.GetProperty("TableName").GetProperty("Value"));
        Json.Equal($$"""{ "Ref": "{{stack.FailedEvents}}" }""", outputs.GetProperty("FailedEventsQueueUrl").GetProperty("Value"));
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

    /// <summary>
    /// The logical ids of a deploy made before the stack was split into parts (main's synth of 2026-12-05). A resource
    /// whose id changes is replaced on the next deploy: these hold data (table, buckets, queue, secret, logs) or give
    /// the public addresses (distribution, API), so they must update in place.
    /// </summary>
    private static readonly Dictionary<string, string> DeployedStatefulResources = new()
    {
        ["AnalysesCC749F0A"] = "AWS::DynamoDB::Table",
        ["PhotoBucket465738B3"] = "AWS::S3::Bucket",
        ["SiteBucket397A1860"] = "AWS::S3::Bucket",
        ["FailedAnalyzeEvents0714B495"] = "AWS::SQS::Queue",
        ["OriginSecret5DDC59F1"] = "AWS::SecretsManager::Secret",
        ["ApiAccessLogsE9DF007D"] = "AWS::Logs::LogGroup",
        ["UploadFunctionLogs22C80AE2"] = "AWS::Logs::LogGroup",
        ["AnalyzeFunctionLogs3ACC573E"] = "AWS::Logs::LogGroup",
        ["RecommendFunctionLogsD421F3C9"] = "AWS::Logs::LogGroup",
        ["SiteE53D7754"] = "AWS::CloudFront::Distribution",
        ["ApiF70053CD"] = "AWS::ApiGatewayV2::Api",
    };

    [Fact]
    public void Stateful_resources_keep_the_logical_ids_of_the_deployed_stack_so_a_deploy_updates_them_in_place()
    {
        var resources = stack.Root.GetProperty("Resources");

        Assert.All(DeployedStatefulResources, pinned =>
            Assert.Equal(pinned.Value, resources.TryGetProperty(pinned.Key, out var resource) ? resource.GetProperty("Type").GetString() : "(missing)"));
    }

    [Fact]
    public void No_logical_id_names_a_part_so_only_the_s3_notification_permission_got_a_new_one()
    {
        // Every other resource kept its id too; the permission's embeds the alias's full path, and is stateless.
        string[] parts = ["HttpApi", "Edge", "Data", "Functions"];
        var renamed = stack.Root.GetProperty("Resources").EnumerateObject().Select(r => r.Name)
            .Where(id => parts.Any(part => id.StartsWith(part, StringComparison.Ordinal) || id.Contains($"MoodtunesStack{part}", StringComparison.Ordinal)));

        Assert.Equal(["PhotoBucketAllowBucketNotificationsToMoodtunesStackFunctionsAnalyzeFunctionLive85CB5A91AB0184DE"], renamed);
    }

    [Theory]
    [InlineData(new[] { "Analyses", "Resource" }, "AnalysesCC749F0A")]
    [InlineData(new[] { "Site", "Origin1", "S3OriginAccessControl", "Resource" }, "SiteOrigin1S3OriginAccessControl278A1C77")]
    [InlineData(new[] { "Api", "Default", "Resource" }, "ApiF70053CD")]
    [InlineData(new[] { "DeploySite", "AwsCliLayer", "Resource" }, "DeploySiteAwsCliLayer88B0EBE2")]
    [InlineData(new[] { "PageUrl" }, "PageUrl")]
    public void Logical_ids_are_the_cdks_own_for_the_path_without_the_parts(string[] path, string expected) =>
        Assert.Equal(expected, LogicalIds.Make(path));

    /// <summary>Values whose home is the application; the stack's source names them through it, never retyped.</summary>
    [Theory]
    [InlineData("\"/api")]
    [InlineData("\"/events\"")]
    [InlineData("\"Storage__")]
    [InlineData("\"Vision__")]
    [InlineData("\"Spotify:")]
    [InlineData("\"photos/")]
    [InlineData("Minutes(20)")]
    [InlineData("1200")]
    public void The_stack_takes_paths_keys_and_the_give_up_time_from_the_application(string copy)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "infra", "cdk"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        Assert.All(sources, file => Assert.DoesNotContain(copy, File.ReadAllText(file), StringComparison.Ordinal));
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
