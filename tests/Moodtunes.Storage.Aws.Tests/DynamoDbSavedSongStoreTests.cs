using Amazon.DynamoDBv2.Model;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Storage.ContractTests;
using static Moodtunes.Storage.ContractTests.TestAnalyses;
using Moodtunes.Testing;

namespace Moodtunes.Storage.Aws.Tests;

[Slow]
[Collection(EmulatorCollection.Name)]
public sealed class DynamoDbSavedSongStoreTests(EmulatorFixture emulators) : SavedSongStoreContract
{
    private readonly ManualClock _clock = new(Start);

    protected override ISavedSongStore Store => new DynamoDbSavedSongStore(emulators.DynamoDb, EmulatorFixture.TableName, _clock);

    protected override IAnalysisStore Analyses => new DynamoDbAnalysisStore(emulators.DynamoDb, EmulatorFixture.TableName, _clock);

    [Fact]
    public async Task Items_live_in_the_analyses_table_under_the_saved_prefix_without_a_ttl()
    {
        var device = TestDevices.NewDeviceId();
        await Store.SaveAsync(device, new SavedSong("iu-good-day", Start), CancellationToken.None);

        var item = (await emulators.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = EmulatorFixture.TableName,
            Key = new() { ["DeviceId"] = new() { S = "saved#" + device }, ["AnalysisId"] = new() { S = "iu-good-day" } },
            ConsistentRead = true,
        })).Item;

        Assert.Equal(["AnalysisId", "DeviceId", "SavedAt"], item.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("2026-11-25T10:00:00.1230000+00:00", item["SavedAt"].S);
    }
}
