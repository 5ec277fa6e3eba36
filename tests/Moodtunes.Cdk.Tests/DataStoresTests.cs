using Amazon.CDK.Assertions;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using Moodtunes.Testing;

namespace Moodtunes.Cdk.Tests;

/// <summary>The <see cref="DataStores"/> part: the table, the photo bucket (and the site bucket, made alike), the failed-event queue.</summary>
[Slow]
[Collection(SynthesizedStackCollection.Name)]
public sealed class DataStoresTests(SynthesizedStack stack)
{
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
                "AllowedOrigins": [{ "Fn::Join": ["", ["https://", { "Fn::GetAtt": ["{{stack.Distribution}}", "DomainName"] }]] }],
                "MaxAge": 3000
            }] }
            """, bucket.GetProperty("CorsConfiguration"));
        Json.Equal($$"""
            { "Rules": [{ "ExpirationInDays": 1, "Id": "DeletePhotosAfterOneDay", "Prefix": "{{PhotoKey.Prefix}}", "Status": "Enabled" }] }
            """, bucket.GetProperty("LifecycleConfiguration"));
    }
}
