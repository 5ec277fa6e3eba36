using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Recommendation;
using static Moodtunes.Storage.Aws.DynamoDbItems;
using static Moodtunes.Storage.Aws.DynamoDbTableDefinition;

namespace Moodtunes.Storage.Aws;

/// <summary>
/// Track media in the analyses table, one item per catalog id (<see cref="TrackMediaKey"/>), the media JSON in <c>Media</c> (absent for a miss) and the TTL in
/// <see cref="TimeToLiveAttribute"/>. TTL deletes expired items days late, so reads filter them too.
/// </summary>
public sealed class DynamoDbTrackMediaCache(IAmazonDynamoDB client, string tableName, TimeProvider timeProvider) : ITrackMediaCache
{
    /// <summary>BatchGetItem's limit.</summary>
    private const int BatchSize = 100;

    private const string MediaAttribute = "Media";

    public async Task<IReadOnlyDictionary<string, CachedTrackMedia>> GetManyAsync(
        IReadOnlyCollection<string> catalogIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(catalogIds);
        var now = timeProvider.GetUtcNow();
        var found = new Dictionary<string, CachedTrackMedia>(StringComparer.Ordinal);

        // BatchGetItem refuses a request that names a key twice. Eventually consistent reads are fine for a cache
        // (and cost half): a read that misses a just-written entry only asks the provider once more.
        foreach (var chunk in catalogIds.Distinct(StringComparer.Ordinal).Chunk(BatchSize))
        {
            var batch = new Dictionary<string, KeysAndAttributes> { [tableName] = new() { Keys = [.. chunk.Select(TrackMediaKey)] } };
            await SendBatchAsync(batch, ReadAsync, left => left.Values.Sum(k => k.Keys.Count), "reads", timeProvider, cancellationToken);
        }

        return found;

        async Task<Dictionary<string, KeysAndAttributes>?> ReadAsync(Dictionary<string, KeysAndAttributes> pending)
        {
            var response = await client.BatchGetItemAsync(new BatchGetItemRequest(pending), cancellationToken);
            foreach (var item in response.Responses?.GetValueOrDefault(tableName) ?? [])
            {
                var entry = FromItem(item);
                if (entry.ExpiresAt > now)
                {
                    found[CatalogIdOfTrackMedia(item)] = entry;
                }
            }

            return response.UnprocessedKeys is { Count: > 0 } left ? left : null;
        }
    }

    public async Task PutAsync(string catalogId, CachedTrackMedia entry, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(catalogId);
        ArgumentNullException.ThrowIfNull(entry);

        var item = TrackMediaKey(catalogId);
        item[TimeToLiveAttribute] = Epoch(entry.ExpiresAt);
        if (entry.Media is { } media)
        {
            item[MediaAttribute] = new() { S = StoredTrackMedia.Write(media) };
        }

        await client.PutItemAsync(new PutItemRequest { TableName = tableName, Item = item }, cancellationToken);
    }

    private static CachedTrackMedia FromItem(Dictionary<string, AttributeValue> item) => new(
        item.TryGetValue(MediaAttribute, out var media) ? StoredTrackMedia.ReadTrackMedia(media.S) : null,
        ReadExpiry(item));
}
