using System.Text.Json;
using Amazon.CDK.Assertions;
using Moodtunes.Api;
using Moodtunes.Api.Http;
using Moodtunes.Api.Page;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>The <see cref="Edge"/> part: CloudFront in front of the site bucket and the API, its origin secret, and the page's deployment.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class EdgeTests(SynthesizedStack stack)
{
    [Fact]
    public void Distribution_serves_the_private_site_bucket_through_origin_access_control()
    {
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");
        var defaultBehavior = config.GetProperty("DefaultCacheBehavior");
        var origin = Origin(config, defaultBehavior.GetProperty("TargetOriginId").GetString()!);

        Assert.Equal("index.html", config.GetProperty("DefaultRootObject").GetString());
        Assert.Equal("redirect-to-https", defaultBehavior.GetProperty("ViewerProtocolPolicy").GetString());
        Json.Equal($$"""{ "Fn::GetAtt": ["{{stack.SiteBucket}}", "RegionalDomainName"] }""", origin.GetProperty("DomainName"));
        Assert.True(origin.TryGetProperty("OriginAccessControlId", out _));
        stack.Template.HasResourceProperties("AWS::CloudFront::OriginAccessControl", Json.ToJsii("""
            { "OriginAccessControlConfig": { "OriginAccessControlOriginType": "s3", "SigningBehavior": "always", "SigningProtocol": "sigv4" } }
            """));
        stack.Template.HasResourceProperties("AWS::S3::BucketPolicy", new Dictionary<string, object>
        {
            ["Bucket"] = Json.ToJsii($$"""{ "Ref": "{{stack.SiteBucket}}" }"""),
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

        Assert.Equal($"{ApiRoutes.Prefix}/*", behavior.GetProperty("PathPattern").GetString());
        Json.Equal("""["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]""", behavior.GetProperty("AllowedMethods"));
        // AWS managed policy ids: CachingDisabled and AllViewerExceptHostHeader.
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", behavior.GetProperty("CachePolicyId").GetString());
        Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", behavior.GetProperty("OriginRequestPolicyId").GetString());
        Assert.Equal("https-only", behavior.GetProperty("ViewerProtocolPolicy").GetString());
        Json.Equal($$"""{ "Fn::Select": [2, { "Fn::Split": ["/", { "Fn::GetAtt": ["{{stack.Api}}", "ApiEndpoint"] }] }] }""",
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

        Json.Equal($$"""{ "Ref": "{{stack.SiteBucket}}" }""", properties.GetProperty("DestinationBucketName"));
        Json.Equal($$"""{ "Ref": "{{stack.Distribution}}" }""", properties.GetProperty("DistributionId"));
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
        Assert.Equal($$$"""connect-src 'self' https://{"Ref":"{{{stack.PhotoBucket}}}"}.s3.{"Ref":"AWS::Region"}.amazonaws.com;""", connections);
        Assert.All(folders.Where((_, i) => i != pageSource), folder => Assert.False(File.Exists(Path.Combine(folder, PageSecurityPolicy.PageFile))));
    }

    [Fact]
    public void The_pages_facts_module_is_deployed_beside_it_as_the_application_renders_it()
    {
        var (_, deployment) = Assert.Single(stack.ResourcesOfType("Custom::CDKBucketDeployment"));
        var folders = deployment.GetProperty("Properties").GetProperty("SourceObjectKeys").EnumerateArray()
            .Select(key => Path.Combine(stack.AssemblyDirectory, $"asset.{Path.GetFileNameWithoutExtension(key.GetString())}"));

        var facts = Assert.Single(folders, folder => File.Exists(Path.Combine(folder, PageFacts.FileName)));
        Assert.Equal(PageFacts.Module, File.ReadAllText(Path.Combine(facts, PageFacts.FileName)));
    }

    private static JsonElement Origin(JsonElement distributionConfig, string id) =>
        Assert.Single(distributionConfig.GetProperty("Origins").EnumerateArray(), o => o.GetProperty("Id").GetString() == id);
}
