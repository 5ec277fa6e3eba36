using System.Text.Json;
using System.Text.RegularExpressions;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>What the browser gets on every response, and what the API stage writes down about every request.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class EdgeHeadersAndAccessLogTests(SynthesizedStack stack)
{
    [Fact]
    public void Both_behaviours_send_the_security_headers_with_the_pages_own_referrer_policy()
    {
        var (policy, resource) = stack.Single("AWS::CloudFront::ResponseHeadersPolicy", "SecurityHeaders");
        var config = stack.Single("AWS::CloudFront::Distribution", "Site").Resource.GetProperty("Properties").GetProperty("DistributionConfig");

        var reference = $$"""{ "Ref": "{{policy}}" }""";
        Json.Equal(reference, config.GetProperty("DefaultCacheBehavior").GetProperty("ResponseHeadersPolicyId"));
        var api = Assert.Single(config.GetProperty("CacheBehaviors").EnumerateArray());
        Json.Equal(reference, api.GetProperty("ResponseHeadersPolicyId"));

        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "static-site", PageSecurityPolicy.PageFile));
        var referrer = Regex.Match(page, """<meta name="referrer" content="([^"]+)">""").Groups[1].Value;
        Json.Equal($$"""
            {
              "ContentSecurityPolicy": { "ContentSecurityPolicy": "frame-ancestors 'none'", "Override": true },
              "ContentTypeOptions": { "Override": true },
              "FrameOptions": { "FrameOption": "DENY", "Override": true },
              "ReferrerPolicy": { "ReferrerPolicy": "{{referrer}}", "Override": true },
              "StrictTransportSecurity": { "AccessControlMaxAgeSec": 31536000, "IncludeSubdomains": true, "Override": true }
            }
            """, resource.GetProperty("Properties").GetProperty("ResponseHeadersPolicyConfig").GetProperty("SecurityHeadersConfig"));
        // The page's meta policy cannot carry frame-ancestors (browsers ignore it there): the header is where it lives.
        Assert.DoesNotContain("frame-ancestors", page, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_a_referrer_meta_fails_the_synth() =>
        Assert.Throws<InvalidDataException>(() => PageSecurityPolicy.ReferrerPolicy("<html><head></head></html>"));

    [Fact]
    public void The_api_stage_logs_every_request_as_json_to_a_log_group_kept_two_weeks()
    {
        var (logGroup, group) = stack.Single("AWS::Logs::LogGroup", "ApiAccessLogs");
        var (_, stage) = Assert.Single(stack.ResourcesOfType("AWS::ApiGatewayV2::Stage"));
        var settings = stage.GetProperty("Properties").GetProperty("AccessLogSettings");

        Json.Equal($$"""{ "Fn::GetAtt": ["{{logGroup}}", "Arn"] }""", settings.GetProperty("DestinationArn"));
        Assert.Equal(14, group.GetProperty("Properties").GetProperty("RetentionInDays").GetInt32());
        using var format = JsonDocument.Parse(settings.GetProperty("Format").GetString()!);
        Assert.Equal("$context.requestId", format.RootElement.GetProperty("requestId").GetString());
        Assert.Equal("$context.status", format.RootElement.GetProperty("status").GetString());
        // Nothing a caller sends as a credential: no headers at all.
        Assert.DoesNotContain("header", settings.GetProperty("Format").GetString()!, StringComparison.OrdinalIgnoreCase);
    }
}
