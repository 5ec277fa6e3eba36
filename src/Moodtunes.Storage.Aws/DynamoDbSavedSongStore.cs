using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;
using static Moodtunes.Storage.Aws.DynamoDbItems;
using static Moodtunes.Storage.Aws.DynamoDbTableDefinition;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Saved songs in the analyses table: partition <see cref="SavedSongKeyPrefix"/> + device id, sort key the catalog id
/// (<see cref="SavedSongKey"/>), the save time in <c>SavedAt</c>. No TTL attribute: saved songs stay until the device deletes them.
/// </summary>
public sealed class DynamoDbSavedSongStore(IAmazonDynamoDB client, string tableName, TimeProvider timeProvider) : ISavedSongStore
{
    private const string SavedAtAttribute = "SavedAt";

    public async Task<bool> SaveAsync(DeviceId deviceId, SavedSong song, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(song);
        ArgumentException.ThrowIfNullOrEmpty(song.CatalogId);
        var item = SavedSongKey(deviceId, song.CatalogId);
        item[SavedAtAttribute] = new() { S = StorageEncoding.FormatInstant(song.SavedAt) };
        try
        {
            // Conditional, so saving again keeps the first save's time.
            await client.PutItemAsync(
                new PutItemRequest
                {
                    TableName = tableName,
                    Item = item,
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new() { ["#id"] = SortKeyName },
                },
                cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<SavedSong>> ListAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        var songs = new List<SavedSong>();
        await foreach (var item in QueryAsync(deviceId, cancellationToken))
        {
            songs.Add(new SavedSong(item[SortKeyName].S, StorageEncoding.ParseInstant(item[SavedAtAttribute].S)));
        }

        // The sort key orders by catalog id; the list is newest first (at most a few hundred items, sorted here).
        return [.. songs.OrderByDescending(s => s.SavedAt).ThenBy(s => s.CatalogId, StringComparer.Ordinal)];
    }

    public async Task<bool> DeleteAsync(DeviceId deviceId, string catalogId, CancellationToken cancellationToken)
    {
        var response = await client.DeleteItemAsync(
            new DeleteItemRequest { TableName = tableName, Key = SavedSongKey(deviceId, catalogId), ReturnValues = ReturnValue.ALL_OLD },
            cancellationToken);
        return response.Attributes is { Count: > 0 };
    }

    public async Task<int> DeleteAllAsync(DeviceId deviceId, CancellationToken cancellationToken)
    {
        var keys = new List<Dictionary<string, AttributeValue>>();
        await foreach (var item in QueryAsync(deviceId, cancellationToken))
        {
            keys.Add(KeyOf(item));
        }

        await DeleteKeysAsync(client, tableName, keys, timeProvider, cancellationToken);
        return keys.Count;
    }

    /// <summary>Every item of the device's saved-song partition, consistent so a song saved a moment ago is listed (and deleted).</summary>
    private async IAsyncEnumerable<Dictionary<string, AttributeValue>> QueryAsync(
        DeviceId deviceId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(
                new QueryRequest
                {
                    TableName = tableName,
                    KeyConditionExpression = "#device = :device",
                    ExpressionAttributeNames = new() { ["#device"] = PartitionKeyName },
                    ExpressionAttributeValues = new() { [":device"] = new() { S = SavedSongPartition(deviceId) } },
                    ExclusiveStartKey = start,
                    ConsistentRead = true,
                },
                cancellationToken);
            foreach (var item in page.Items ?? [])
            {
                yield return item;
            }

            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);
    }
}
