using Moodtunes.Core.Analyses;
using Moodtunes.Core.Recommendation;
using Moodtunes.Core.SavedSongs;
using Moodtunes.Storage.ContractTests;
using Moodtunes.Testing.InMemory;
using static Moodtunes.Storage.ContractTests.TestAnalyses;

namespace Moodtunes.Api.Tests.TestKit;

// The application tests stand on the test kit's in-memory stores: the contract SQLite and DynamoDB pass holds them to the same rules.

public sealed class InMemoryAnalysisStoreTests : AnalysisStoreContract
{
    public InMemoryAnalysisStoreTests() => Store = new InMemoryAnalysisStore(Clock);

    protected override IAnalysisStore Store { get; }
}

public sealed class InMemorySavedSongStoreTests : SavedSongStoreContract
{
    protected override ISavedSongStore Store { get; } = new InMemorySavedSongStore();

    protected override IAnalysisStore Analyses { get; } = new InMemoryAnalysisStore(new ManualClock(Start));
}

public sealed class InMemoryTrackMediaCacheTests : TrackMediaCacheContract
{
    public InMemoryTrackMediaCacheTests() => Cache = new InMemoryTrackMediaCache(Clock);

    protected override ITrackMediaCache Cache { get; }
}

public sealed class InMemoryPhotoStoreTests : PhotoStoreContract
{
    private readonly InMemoryPhotoStore _store = new();

    protected override IPhotoStore Store => _store;

    protected override Task PutAsync(string key, byte[] content)
    {
        _store.Put(key, content);
        return Task.CompletedTask;
    }
}
