using System.Text.Json;
using Moodtunes.Api;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>The <see cref="ApiGateway"/> part: routes to the functions' live aliases, and the stage's throttling.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class ApiGatewayTests(SynthesizedStack stack)
{
    [Fact]
    public void Http_api_routes_uploads_to_upload_and_the_rest_of_api_to_recommend_through_their_live_aliases()
    {
        var routes = stack.ResourcesOfType("AWS::ApiGatewayV2::Route")
            .ToDictionary(r => r.Resource.GetProperty("Properties").GetProperty("RouteKey").GetString()!, r => r.Resource.GetProperty("Properties"));

        Assert.Equal([$"ANY {ApiRoutes.Prefix}/{{proxy+}}", $"POST {ApiRoutes.Uploads}"], routes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(stack.Alias("UploadFunction"), IntegratedFunction(routes[$"POST {ApiRoutes.Uploads}"]));
        Assert.Equal(stack.Alias("RecommendFunction"), IntegratedFunction(routes[$"ANY {ApiRoutes.Prefix}/{{proxy+}}"]));
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
                "Format": {{JsonSerializer.Serialize(ApiGateway.AccessLogFormat)}}
              },
              "ApiId": { "Ref": "{{stack.Api}}" },
              "AutoDeploy": true,
              "DefaultRouteSettings": { "ThrottlingBurstLimit": 100, "ThrottlingRateLimit": 50 },
              "RouteSettings": { "{{ApiGateway.UploadRouteKey}}": { "ThrottlingBurstLimit": 10, "ThrottlingRateLimit": 5 } },
              "StageName": "$default"
            }
            """, stage.GetProperty("Properties"));
    }

    private string IntegratedFunction(JsonElement route)
    {
        var integration = route.GetProperty("Target").GetProperty("Fn::Join")[1][1].GetProperty("Ref").GetString()!;
        var properties = stack.Root.GetProperty("Resources").GetProperty(integration).GetProperty("Properties");
        Assert.Equal("AWS_PROXY", properties.GetProperty("IntegrationType").GetString());
        return properties.GetProperty("IntegrationUri").GetProperty("Ref").GetString()!;
    }
}
