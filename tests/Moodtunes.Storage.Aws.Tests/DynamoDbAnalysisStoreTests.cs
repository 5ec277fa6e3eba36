using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Storage.ContractTests;
using static Moodtunes.Storage.ContractTests.TestAnalyses;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbAnalysisStoreTests(EmulatorFixture emulators) : AnalysisStoreContract
{
    protected override IAnalysisStore Store => new DynamoDbAnalysisStore(emulators.DynamoDb, EmulatorFixture.TableName, Clock);

    [Fact]
    public async Task Items_use_the_documented_attributes_with_ttl_in_epoch_seconds()
    {
        var pending = Pending(TestDevices.NewDeviceId(), Start);
        await Store.CreateAsync(pending, CancellationToken.None);
        await Store.TryFinishAsync(Failed(pending, Start.AddSeconds(3)), CancellationToken.None);

        var item = (await emulators.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = EmulatorFixture.TableName,
            Key = new()
            {
                ["DeviceId"] = new() { S = pending.DeviceId.Value },
                ["AnalysisId"] = new() { S = pending.Id.Value },
            },
            ConsistentRead = true,
        })).Item;

        Assert.Equal(
            ["AnalysisId", "CreatedAt", "DeviceId", "ExpiresAt", "Failure", "FinishedAt", "PhotoKey", "Status"],
            item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(pending.ExpiresAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ExpiresAt"].N);
        Assert.Equal("failed", item["Status"].S);
        // Literal on purpose: the stored JSON bytes, which records already in the table must keep reading as.
        Assert.Equal("""{"code":"no-face","message":"We could not find a face in this photo."}""", item["Failure"].S);
    }

    [Fact]
    public async Task Items_written_by_the_previous_version_read_back_unchanged()
    {
        await PutPreviousVersionItemsAsync();

        PreviousVersionRecords.AssertReadBack(
            await PreviousVersionRecords.ReadAsync(Store, PreviousVersionRecords.Done),
            await PreviousVersionRecords.ReadAsync(Store, PreviousVersionRecords.Failed));
    }

    [Fact]
    public async Task An_item_without_a_tracks_version_takes_new_tracks_and_then_carries_one()
    {
        await PutPreviousVersionItemsAsync();

        await PreviousVersionRecords.AssertTakesNewTracksAsync(Store);
    }

    private async Task PutPreviousVersionItemsAsync()
    {
        foreach (var record in new[] { PreviousVersionRecords.Done, PreviousVersionRecords.Failed })
        {
            var item = new Dictionary<string, AttributeValue>
            {
                ["DeviceId"] = new() { S = record.DeviceId },
                ["AnalysisId"] = new() { S = record.AnalysisId },
                ["Status"] = new() { S = record.Status },
                ["CreatedAt"] = new() { S = record.CreatedAt },
                ["FinishedAt"] = new() { S = record.FinishedAt },
                ["ExpiresAt"] = new() { N = record.ExpiresAt.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                ["PhotoKey"] = new() { S = record.PhotoKey },
            };
            foreach (var (name, json) in new[] { ("Result", record.Result), ("Failure", record.Failure), ("Tracks", record.Tracks) })
            {
                if (json is not null)
                {
                    item[name] = new() { S = json };
                }
            }

            await emulators.DynamoDb.PutItemAsync(new PutItemRequest { TableName = EmulatorFixture.TableName, Item = item });
        }
    }
}
