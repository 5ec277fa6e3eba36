using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage.ContractTests;

/// <summary>
/// Two records exactly as the version before the typed domain (commit 068e9f1) wrote them: its SqliteAnalysisStore
/// was run on a done and a failed analysis and the rows were copied here field for field (DynamoDB items carried
/// the same attribute values). Each store must read them, and write them back byte for byte.
/// </summary>
public static class PreviousVersionRecords
{
    private const string Device = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    public static AnalysisRecord Done { get; } = new(
        Device,
        "01M892BPBVAHY0JBNSMZZ2KF8K",
        "done",
        "2026-11-25T10:00:00.1234567+00:00",
        "2026-11-25T10:00:02.1234567+00:00",
        2110960800,
        "photos/" + Device + "/01M892BPBVAHY0JBNSMZZ2KF8K",
        """{"imageWidth":1280,"imageHeight":960,"faces":[{"x":0.31,"y":0.12,"width":0.25,"height":0.25,"detectionScore":0.97,"emotions":{"angry":0.01,"disgust":0,"fear":0.05,"happy":0.1,"sad":0.61,"surprise":0.03,"neutral":0.2}}],"emotion":"sad","confidence":0.61,"asksForMoods":false,"elapsedMilliseconds":21.4}""",
        null,
        """{"moods":["morning-coffee","relaxing"],"sadnessChoice":"cheer-up","current":[{"id":"iu-through-the-night","title":"Through the Night","artist":"IU","language":"ko","url":"https://open.spotify.com/search/Through%20the%20Night%20IU","spotifyTrackId":null}],"shownIds":["iu-through-the-night","older-one"]}""");

    public static AnalysisRecord Failed { get; } = new(
        Device,
        "01M892BV83BQDVM48A3HAJZ6NY",
        "failed",
        "2026-11-25T10:00:05.1234567+00:00",
        "2026-11-25T10:00:06.1234567+00:00",
        2110960805,
        "photos/" + Device + "/01M892BV83BQDVM48A3HAJZ6NY",
        null,
        """{"code":"no-face","message":"We could not find a face."}""",
        null);

    /// <summary>Reads a record through a store by its ids, as the application asks for it.</summary>
    public static Task<Analysis?> ReadAsync(IAnalysisStore store, AnalysisRecord record)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        return store.GetAsync(new DeviceId(record.DeviceId), new AnalysisId(record.AnalysisId), CancellationToken.None);
    }

    /// <summary>The typed analyses the two records hold, and the same records when written again.</summary>
    public static void AssertReadBack(Analysis? done, Analysis? failed)
    {
        Assert.NotNull(done);
        Assert.Equal((new DeviceId(Device), new AnalysisId(Done.AnalysisId)), (done.DeviceId, done.Id));
        Assert.Equal(AnalysisStatus.Done, done.Status);
        var result = Assert.IsType<AnalysisResult>(done.Result);
        Assert.Equal(Emotion.Sad, result.Emotion);
        // Stored before "unsure" and "answer" existed: a sure reading (it did not ask for moods), so it is the feeling.
        Assert.False(result.Unsure);
        Assert.Equal(Emotion.Sad, done.Feeling);
        var face = Assert.Single(result.Faces);
        Assert.Equal(0.61f, face.Emotions[Emotion.Sad]);
        Assert.Equal(0.2f, face.Emotions[Emotion.Neutral]);
        var tracks = Assert.IsType<TrackSelection>(done.Tracks);
        Assert.Equal([Mood.MorningCoffee, Mood.Relaxing], tracks.Moods);
        Assert.Equal(SadnessChoice.CheerUp, tracks.SadnessChoice);
        Assert.Equal(TrackLanguage.Ko, Assert.Single(tracks.Current).Language);

        Assert.NotNull(failed);
        Assert.Equal(FailureCode.NoFace, failed.Failure?.Code);

        Assert.Equal(Done, AnalysisRecord.From(done));
        Assert.Equal(Failed, AnalysisRecord.From(failed));
    }

    /// <summary>
    /// The done record (no version stored) takes new tracks based on the initial version, then carries a version:
    /// a second save from the same read is refused.
    /// </summary>
    public static async Task AssertTakesNewTracksAsync(IAnalysisStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var done = await ReadAsync(store, Done);
        Assert.Equal(TrackListVersion.Initial, done?.TracksVersion);
        var tracks = done!.Tracks! with { ShownIds = [.. done.Tracks!.ShownIds, "newer-one"] };

        Assert.True(await store.SaveTracksAsync(done.DeviceId, done.Id, tracks, done.TracksVersion, CancellationToken.None));
        Assert.False(await store.SaveTracksAsync(done.DeviceId, done.Id, done.Tracks!, done.TracksVersion, CancellationToken.None));

        var saved = await ReadAsync(store, Done);
        Assert.Equal(Done with { Tracks = StoredDocuments.Write(tracks), TracksVersion = 1 }, AnalysisRecord.From(saved!));
    }
}
