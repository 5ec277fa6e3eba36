using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using static Moodtunes.Storage.Aws.DynamoDbTableDefinition;

namespace Moodtunes.Storage.Aws;

/// <summary>What the table's items share whatever they hold: the TTL attribute's encoding, and resending batches.</summary>
internal static class DynamoDbItems
{
    private const int MaxBatchAttempts = 8;

    /// <summary>BatchWriteItem's limit.</summary>
    private const int WriteBatchSize = 25;

    /// <summary>TTL wants whole epoch seconds; the fraction is dropped (the item expires up to 1 s early).</summary>
    public static AttributeValue Epoch(DateTimeOffset instant) => EpochSeconds(instant.ToUnixTimeSeconds());

    public static AttributeValue EpochSeconds(long seconds) => Number(seconds);

    public static DateTimeOffset ReadExpiry(Dictionary<string, AttributeValue> item) =>
        DateTimeOffset.FromUnixTimeSeconds(ReadNumber(item[TimeToLiveAttribute]));

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static long ReadNumber(AttributeValue value) => long.Parse(value.N, CultureInfo.InvariantCulture);

    /// <summary>
    /// Sends a batch until DynamoDB has processed all of it (it leaves part of a batch unprocessed when throttled),
    /// resending what is left with backoff, up to 8 attempts, then <see cref="InvalidOperationException"/>.
    /// </summary>
    /// <param name="send">Sends one request and returns what DynamoDB left unprocessed, or null when nothing.</param>
    /// <param name="count">How many requests a leftover holds, for the error.</param>
    /// <param name="what">What the requests are ("deletions"), for the error.</param>
    public static async Task SendBatchAsync<TBatch>(
        TBatch batch, Func<TBatch, Task<TBatch?>> send, Func<TBatch, int> count, string what, TimeProvider timeProvider, CancellationToken cancellationToken)
        where TBatch : class
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await send(batch) is not { } unprocessed)
            {
                return;
            }

            if (attempt == MaxBatchAttempts)
            {
                throw new InvalidOperationException($"DynamoDB left {count(unprocessed)} {what} unprocessed after {attempt} attempts.");
            }

            batch = unprocessed;
            await Task.Delay(TimeSpan.FromMilliseconds(50 << attempt), timeProvider, cancellationToken);
        }
    }

    /// <summary>Deletes the keys in batches of 25, resending what DynamoDB left unprocessed (throttling) with backoff.</summary>
    public static async Task DeleteKeysAsync(
        IAmazonDynamoDB client, string tableName, IEnumerable<Dictionary<string, AttributeValue>> keys, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        foreach (var chunk in keys.Chunk(WriteBatchSize))
        {
            var batch = new Dictionary<string, List<WriteRequest>>
            {
                [tableName] = [.. chunk.Select(key => new WriteRequest(new DeleteRequest(key)))],
            };
            await SendBatchAsync(batch, SendAsync, left => left.Values.Sum(r => r.Count), "deletions", timeProvider, cancellationToken);
        }

        async Task<Dictionary<string, List<WriteRequest>>?> SendAsync(Dictionary<string, List<WriteRequest>> pending) =>
            (await client.BatchWriteItemAsync(new BatchWriteItemRequest(pending), cancellationToken)).UnprocessedItems
                is { Count: > 0 } left ? left : null;
    }
}
