using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// The analyses table's schema, written once: the emulator tests create their table from here, and the
/// infrastructure stack must declare the same keys and enable TTL on <see cref="TimeToLiveAttribute"/>
/// (dynalite has no UpdateTimeToLive, so no request for it lives here).
/// </summary>
/// <remarks>
/// One table holds three kinds of item. Its key attributes are named for the first kind, analyses, and keep those
/// names because renaming a key attribute needs a new table; the code speaks of partition and sort keys, and every
/// item's key is built by one of the methods below:
/// <code>
/// item kind     partition key ("DeviceId")      sort key ("AnalysisId")    method
/// analysis      device id                       analysis id                AnalysisKey
/// saved song    "saved#" + device id            catalog id                 SavedSongKey
/// track media   "track#" + catalog id           "media"                    TrackMediaKey
/// </code>
/// Device ids are 64 lowercase hex characters, never a '#', so the prefixed partitions never meet a device's own.
/// </remarks>
public static class DynamoDbTableDefinition
{
    /// <summary>Named "DeviceId" after the analyses it was made for; see the remarks for what each item kind keeps in it.</summary>
    public const string PartitionKeyName = "DeviceId";

    /// <summary>Named "AnalysisId" after the analyses it was made for; a saved song keeps its catalog id here.</summary>
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

    public static Dictionary<string, AttributeValue> AnalysisKey(DeviceId deviceId, AnalysisId analysisId) =>
        ItemKey(AnalysisPartition(deviceId), analysisId.Value);

    /// <summary>The partition of a device's analyses (its history).</summary>
    public static string AnalysisPartition(DeviceId deviceId) => deviceId.Value;

    public static Dictionary<string, AttributeValue> SavedSongKey(DeviceId deviceId, string catalogId) =>
        ItemKey(SavedSongPartition(deviceId), catalogId);

    /// <summary>The partition of a device's saved songs.</summary>
    public static string SavedSongPartition(DeviceId deviceId) => SavedSongKeyPrefix + deviceId.Value;

    public static Dictionary<string, AttributeValue> TrackMediaKey(string catalogId) =>
        ItemKey(TrackMediaKeyPrefix + catalogId, TrackMediaSortKey);

    /// <summary>The catalog id a track media item's partition key names.</summary>
    public static string CatalogIdOfTrackMedia(Dictionary<string, AttributeValue> item) =>
        (item ?? throw new ArgumentNullException(nameof(item)))[PartitionKeyName].S[TrackMediaKeyPrefix.Length..];

    /// <summary>The key of an item a query returned, as stored (to delete it).</summary>
    public static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item) =>
        ItemKey((item ?? throw new ArgumentNullException(nameof(item)))[PartitionKeyName].S, item[SortKeyName].S);

    private static Dictionary<string, AttributeValue> ItemKey(string partition, string sort) => new()
    {
        [PartitionKeyName] = new() { S = partition },
        [SortKeyName] = new() { S = sort },
    };

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
