using System.Text.Json.Serialization;
using Moodtunes.Core;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Storage;

/// <summary>
/// The JSON documents an analysis record holds (result, failure, tracks). They are their own records, so
/// renaming a domain property cannot silently change what is stored; docs/storage.md shows the shapes.
/// </summary>
public static class StoredDocuments
{
    public static string Write(AnalysisResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Serialize(new ResultDocument(
            result.ImageWidth,
            result.ImageHeight,
            [.. result.Faces.Select(f => new FaceDocument(f.X, f.Y, f.Width, f.Height, f.DetectionScore, f.Emotions.ToDictionary()))],
            result.Emotion,
            result.Confidence,
            result.AsksForMoods,
            result.ElapsedMilliseconds,
            result.Unsure ? true : null));
    }

    public static string Write(AnalysisFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return Serialize(new FailureDocument(failure.Code, failure.Message));
    }

    public static string Write(TrackSelection tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        return Serialize(new TrackSelectionDocument(
            tracks.Moods,
            tracks.SadnessChoice,
            [.. tracks.Current.Select(t => new TrackDocument(
                t.Id, t.Title, t.Artist, t.Language, t.Url, t.SpotifyTrackId, t.Media is { } m ? TrackMediaDocument.From(m) : null))],
            tracks.ShownIds,
            tracks.Answer));
    }

    /// <exception cref="InvalidDataException">The text is not a stored result.</exception>
    public static AnalysisResult ReadResult(string json)
    {
        var document = Deserialize<ResultDocument>(json);
        return new AnalysisResult
        {
            ImageWidth = document.ImageWidth,
            ImageHeight = document.ImageHeight,
            Faces = [.. document.Faces.Select(f => new FaceResult
            {
                X = f.X,
                Y = f.Y,
                Width = f.Width,
                Height = f.Height,
                DetectionScore = f.DetectionScore,
                Emotions = EmotionDistribution.FromScores(f.Emotions),
            })],
            Emotion = document.Emotion,
            Confidence = document.Confidence,
            AsksForMoods = document.AsksForMoods,
            ElapsedMilliseconds = document.ElapsedMilliseconds,
            Unsure = IsUnsure(document.Unsure, document.AsksForMoods, document.Emotion),
        };
    }

    /// <exception cref="InvalidDataException">The text is not a stored failure.</exception>
    /// <summary>
    /// Where a result document keeps its emotion, whether the reading was unsure and whether it asked for moods,
    /// and where a track list keeps the person's answer, as JSON paths (SQLite's json_extract): a store that can
    /// read them without handing over whole documents does, and passes them to <see cref="Feeling"/>.
    /// </summary>
    public const string ResultEmotionPath = "$.emotion";

    /// <inheritdoc cref="ResultEmotionPath"/>
    public const string ResultUnsurePath = "$.unsure";

    /// <inheritdoc cref="ResultEmotionPath"/>
    public const string ResultAsksForMoodsPath = "$.asksForMoods";

    /// <summary>The key under which a track list document keeps the person's answer, at its top level (SQLite's json_extract).</summary>
    public const string TracksAnswerKey = "answer";

    /// <summary>What a done analysis says the person felt (<see cref="Analysis.FeelingOf"/>), from the values at those paths.</summary>
    /// <exception cref="InvalidDataException">An emotion is not an emotion's wire name.</exception>
    public static Emotion? Feeling(string? emotion, bool? unsure, bool asksForMoods, string? answer)
    {
        var reading = ParseEmotion(emotion);
        return Analysis.FeelingOf(reading, IsUnsure(unsure, asksForMoods, reading), answer is null ? null : ParseEmotion(answer));
    }

    /// <summary>What a done analysis says the person felt, from its result document and its track list document (if any).</summary>
    /// <exception cref="InvalidDataException">The texts are not those documents.</exception>
    public static Emotion? ReadFeeling(string resultJson, string? tracksJson)
    {
        var result = Deserialize<MoodOfResult>(resultJson);
        var unsure = IsUnsure(result.Unsure, result.AsksForMoods, result.Emotion);

        // Only an unsure reading has an answer: the several KB of tracks are parsed for those alone.
        var answer = unsure && tracksJson is not null ? Deserialize<AnswerOfTracks>(tracksJson).Answer : null;
        return Analysis.FeelingOf(result.Emotion, unsure, answer);
    }

    /// <exception cref="InvalidDataException">It is not an emotion's wire name.</exception>
    private static Emotion ParseEmotion(string? wireName) =>
        WireNames.TryParse<Emotion>(wireName, out var emotion) ? emotion : throw new InvalidDataException($"Stored emotion '{wireName}' is not one.");

    /// <summary>Written only when true. Records from before it existed: asking for moods on a face that did not read neutral meant unsure.</summary>
    private static bool IsUnsure(bool? unsure, bool asksForMoods, Emotion emotion) => unsure ?? (asksForMoods && emotion is not Emotion.Neutral);

    public static AnalysisFailure ReadFailure(string json)
    {
        var document = Deserialize<FailureDocument>(json);
        return new AnalysisFailure(document.Code, document.Message);
    }

    /// <exception cref="InvalidDataException">The text is not a stored track selection.</exception>
    public static TrackSelection ReadTracks(string json)
    {
        var document = Deserialize<TrackSelectionDocument>(json);
        return new TrackSelection
        {
            Moods = document.Moods ?? [],
            SadnessChoice = document.SadnessChoice,
            Current = [.. document.Current.Select(t => new Track(t.Id, t.Title, t.Artist, t.Language, t.Url, t.SpotifyTrackId)
            {
                Media = t.Media?.ToMedia(),
            })],
            ShownIds = document.ShownIds,
            Answer = document.Answer,
        };
    }

    private static string Serialize<T>(T document) => StoredJson.Serialize(document);

    private static T Deserialize<T>(string json) => StoredJson.Deserialize<T>(json);

    private sealed record ResultDocument(
        int ImageWidth,
        int ImageHeight,
        IReadOnlyList<FaceDocument> Faces,
        Emotion Emotion,
        float Confidence,
        bool AsksForMoods,
        double ElapsedMilliseconds,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Unsure = null);

    /// <summary>The properties of <see cref="ResultDocument"/> the timeline reads; the rest is skipped unread.</summary>
    private sealed record MoodOfResult(Emotion Emotion, bool AsksForMoods, bool? Unsure = null);

    /// <summary>The one property of <see cref="TrackSelectionDocument"/> the timeline reads.</summary>
    private sealed record AnswerOfTracks(Emotion? Answer = null);

    private sealed record FaceDocument(float X, float Y, float Width, float Height, float DetectionScore, IReadOnlyDictionary<Emotion, float> Emotions);

    private sealed record FailureDocument(FailureCode Code, string Message);

    private sealed record TrackSelectionDocument(
        IReadOnlyList<Mood>? Moods,
        SadnessChoice? SadnessChoice,
        IReadOnlyList<TrackDocument> Current,
        IReadOnlyList<string> ShownIds,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Emotion? Answer = null);

    /// <param name="Media">Absent when unresolved, so a list without media is stored exactly as before media existed.</param>
    private sealed record TrackDocument(
        string Id,
        string Title,
        string Artist,
        TrackLanguage Language,
        string Url,
        string? SpotifyTrackId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TrackMediaDocument? Media);
}
