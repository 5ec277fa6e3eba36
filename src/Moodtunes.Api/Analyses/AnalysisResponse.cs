using Moodtunes.Api.Tracks;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Analyses;

/// <summary>An analysis as the page sees it (docs/api.md): never the device id, the photo key or the tracks shown before.</summary>
public sealed record AnalysisResponse(
    string Id,
    AnalysisStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    ResultResponse? Result,
    FailureResponse? Failure,
    MessageResponse? Message,
    TrackListResponse? Tracks)
{
    /// <param name="catalog">Where each track's "why this song" comes from.</param>
    public static AnalysisResponse From(Analysis analysis, TrackCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new AnalysisResponse(
            analysis.Id.Value,
            analysis.Status,
            analysis.CreatedAt,
            analysis.FinishedAt,
            analysis.Result is { } result ? ResultResponse.From(result) : null,
            analysis.Failure is { } failure ? new FailureResponse(failure.Code, failure.Message) : null,
            analysis.Result is { } done ? MessageResponse.From(EmotionMessages.For(done.Emotion)) : null,
            analysis.Tracks is { } tracks ? TrackListResponse.From(tracks, catalog) : null);
    }
}

public sealed record ResultResponse(
    int ImageWidth,
    int ImageHeight,
    IReadOnlyList<FaceResponse> Faces,
    Emotion Emotion,
    float Confidence,
    bool AsksForMoods,
    double ElapsedMilliseconds,
    bool Unsure)
{
    public static ResultResponse From(AnalysisResult result) => new(
        result.ImageWidth,
        result.ImageHeight,
        [.. result.Faces.Select(f => new FaceResponse(f.X, f.Y, f.Width, f.Height, f.DetectionScore, f.Emotions.ToDictionary()))],
        result.Emotion,
        result.Confidence,
        result.AsksForMoods,
        result.ElapsedMilliseconds,
        result.Unsure);
}

/// <summary>A face box as fractions (0..1) of the photo, with a probability per emotion.</summary>
public sealed record FaceResponse(float X, float Y, float Width, float Height, float DetectionScore, IReadOnlyDictionary<Emotion, float> Emotions);

public sealed record FailureResponse(FailureCode Code, string Message);

public sealed record MessageResponse(string En, string Ko)
{
    public static MessageResponse From(LocalizedText text) => new(text.En, text.Ko);
}

/// <summary>The tracks on offer; which tracks were offered before stays on the server.</summary>
/// <param name="Answer">How the person said they feel, when the reading was unsure and they answered.</param>
public sealed record TrackListResponse(IReadOnlyList<Mood> Moods, SadnessChoice? SadnessChoice, IReadOnlyList<TrackResponse> Current, Emotion? Answer)
{
    public static TrackListResponse From(TrackSelection tracks, TrackCatalog catalog) =>
        new(tracks.Moods, tracks.SadnessChoice, TrackResponse.ListOf(tracks.Current, catalog), tracks.Answer);
}
