using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// The analyses table's schema (it also holds the track media cache and saved songs), written once: the emulator tests create their table from here, and the
/// infrastructure stack must declare the same keys and enable TTL on <see cref="TimeToLiveAttribute"/>
/// (dynalite has no UpdateTimeToLive, so no request for it lives here).
/// </summary>
public static class DynamoDbTableDefinition
{
    public const string PartitionKeyName = "DeviceId";
    public const string SortKeyName = "AnalysisId";

    /// <summary>Epoch seconds; DynamoDB's TTL deletes the item some time (up to ~2 days) after this.</summary>
    public const string TimeToLiveAttribute = "ExpiresAt";

    /// <summary>
    /// The track media cache shares the table: its items' partition key is this prefix plus the catalog id, their
    /// sort key <see cref="TrackMediaSortKey"/>. Device partitions are 64 lowercase hex characters (SHA-256), never a
    /// '#', so no device id can equal a "track#…" key, and no device's query or delete ever reaches a cache item.
    /// </summary>
    public const string TrackMediaKeyPrefix = "track#";

    /// <summary>The sort key of every track media item (one item per catalog id).</summary>
    public const string TrackMediaSortKey = "media";

    /// <summary>
    /// Saved songs share the table too: partition this prefix plus the device id, sort key the catalog id. A separate
    /// partition, not the device's own, so history queries and "delete my history" never see a saved song.
    /// </summary>
    public const string SavedSongKeyPrefix = "saved#";

    public static CreateTableRequest CreateTableRequest(string tableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(PartitionKeyName, ScalarAttributeType.S),
            new AttributeDefinition(SortKeyName, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(PartitionKeyName, KeyType.HASH),
            new KeySchemaElement(SortKeyName, KeyType.RANGE),
        ],
    };
}
