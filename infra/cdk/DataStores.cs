using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SQS;
using Constructs;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.Aws;
using DynamoAttribute = Amazon.CDK.AWS.DynamoDB.Attribute;

namespace Moodtunes.Cdk;

/// <summary>
/// What Moodtunes keeps: the one table (analyses, the media cache, saved songs), the photo bucket photos wait in until
/// analysed, and the queue of S3 events the analyzer failed on.
/// </summary>
public sealed class DataStores : StackPart
{
    public DataStores(Construct scope, string id, MoodtunesSettings settings, string pageUrl)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Table = new Table(this, "Analyses", new TableProps
        {
            PartitionKey = new DynamoAttribute { Name = DynamoDbTableDefinition.PartitionKeyName, Type = AttributeType.STRING },
            SortKey = new DynamoAttribute { Name = DynamoDbTableDefinition.SortKeyName, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            TimeToLiveAttribute = DynamoDbTableDefinition.TimeToLiveAttribute,
            PointInTimeRecovery = true,
            RemovalPolicy = settings.RemovalPolicy,
        });

        var photoProps = PrivateBucketProps(settings.RemovalPolicy);
        // The page POSTs the photo straight to S3 with a presigned form, so only its origin may.
        photoProps.Cors = [new CorsRule
        {
            AllowedMethods = [HttpMethods.POST],
            AllowedOrigins = [pageUrl],
            AllowedHeaders = ["*"],
            MaxAge = 3000,
        }];
        // Photos are only needed until analysed; the analyze function deletes them, this catches the rest.
        photoProps.LifecycleRules = [new LifecycleRule
        {
            Id = "DeletePhotosAfterOneDay",
            Prefix = PhotoKey.Prefix,
            Expiration = Duration.Days(1),
        }];
        Photos = new Bucket(this, "PhotoBucket", photoProps);

        // S3 events whose invocations failed past their retries land here instead of vanishing; `moodtunes redrive`
        // replays them (docs/deploy.md). 14 days is SQS's longest retention.
        FailedEvents = new Queue(this, "FailedAnalyzeEvents", new QueueProps
        {
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
            RemovalPolicy = settings.RemovalPolicy,
        });
    }

    public Table Table { get; }

    public Bucket Photos { get; }

    public Queue FailedEvents { get; }

    /// <summary>The ARN of every photo object (the only objects the photo bucket holds).</summary>
    public string PhotoObjectsArn => Photos.ArnForObjects(PhotoKey.Prefix + "*");

    internal static BucketProps PrivateBucketProps(RemovalPolicy removalPolicy) => new()
    {
        Encryption = BucketEncryption.S3_MANAGED,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        RemovalPolicy = removalPolicy,
        // No autoDeleteObjects: its helper function runs a Node.js runtime that Lambda is retiring (docs/deploy.md,
        // "Teardown", says how to empty the buckets before cdk destroy).
    };
}
