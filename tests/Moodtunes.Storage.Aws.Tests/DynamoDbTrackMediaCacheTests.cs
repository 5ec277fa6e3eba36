using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Recommendation;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbTrackMediaCacheTests(EmulatorFixture emulators) : TrackMediaCacheContract
{
    protected override ITrackMediaCache Cache => new DynamoDbTrackMediaCache(emulators.DynamoDb, EmulatorFixture.TableName, Clock);

    [Fact]
    public async Task Items_live_in_the_analyses_table_under_the_track_prefix_with_ttl_in_epoch_seconds()
    {
        var id = $"iu-through-the-night-{Guid.NewGuid():N}";
        var expiresAt = TestTrackMedia.Whole(Clock.GetUtcNow()) + TestTrackMedia.FoundLifetime;

        await Cache.PutAsync(id, new CachedTrackMedia(TestTrackMedia.Full, expiresAt), CancellationToken.None);
        var found = await ReadItemAsync(id);
        await Cache.PutAsync(id, new CachedTrackMedia(null, expiresAt), CancellationToken.None);
        var missed = await ReadItemAsync(id);

        Assert.Equal(["AnalysisId", "DeviceId", "ExpiresAt", "Media"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(TestTrackMedia.FullJson, found["Media"].S);
        Assert.Equal(expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), found["ExpiresAt"].N);
        Assert.Equal(["AnalysisId", "DeviceId", "ExpiresAt"], missed.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Keys_left_unprocessed_by_dynamodb_are_read_again()
    {
        var ids = Enumerable.Range(0, 5).Select(i => $"song-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var id in ids)
        {
            await Cache.PutAsync(id, new CachedTrackMedia(TestTrackMedia.Bare, TestTrackMedia.Whole(Clock.GetUtcNow()).AddDays(1)), CancellationToken.None);
        }

        using var throttled = new ThrottlingClient(emulators.DynamoDb.Config.ServiceURL);
        var found = await new DynamoDbTrackMediaCache(throttled, EmulatorFixture.TableName, Clock).GetManyAsync(ids, CancellationToken.None);

        Assert.Equal(ids.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(3, throttled.Calls);
    }

    private async Task<Dictionary<string, AttributeValue>> ReadItemAsync(string catalogId) =>
        (await emulators.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = EmulatorFixture.TableName,
            Key = new()
            {
                ["DeviceId"] = new() { S = "track#" + catalogId },
                ["AnalysisId"] = new() { S = "media" },
            },
            ConsistentRead = true,
        })).Item;

    /// <summary>The emulator, except that the first two BatchGetItem calls read one key and leave the rest unprocessed (as throttling does).</summary>
    private sealed class ThrottlingClient(string serviceUrl) : AmazonDynamoDBClient(
        EmulatorFixture.Credentials, new AmazonDynamoDBConfig { ServiceURL = serviceUrl, AuthenticationRegion = EmulatorFixture.Region })
    {
        public int Calls { get; private set; }

        public override async Task<BatchGetItemResponse> BatchGetItemAsync(BatchGetItemRequest request, CancellationToken cancellationToken = default)
        {
            if (++Calls > 2)
            {
                return await base.BatchGetItemAsync(request, cancellationToken);
            }

            var (table, keys) = request.RequestItems.Single();
            var response = await base.BatchGetItemAsync(
                new BatchGetItemRequest(new Dictionary<string, KeysAndAttributes> { [table] = new() { Keys = keys.Keys[..1] } }), cancellationToken);
            response.UnprocessedKeys = new() { [table] = new() { Keys = keys.Keys[1..] } };
            return response;
        }
    }
}
