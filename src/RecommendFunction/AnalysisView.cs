using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace RecommendFunction;

/// <summary>An analysis as the page sees it (docs/api.md): never the device id or the photo key.</summary>
public sealed record AnalysisView(
    string Id,
    AnalysisStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    AnalysisResult? Result,
    AnalysisFailure? Failure,
    LocalizedText? Message,
    TrackListView? Tracks)
{
    public static AnalysisView From(Analysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var message = analysis.Result is { } result && EmotionNames.TryParse(result.Emotion, out var emotion)
            ? EmotionMessages.For(emotion)
            : null;
        return new AnalysisView(
            analysis.Id,
            analysis.Status,
            analysis.CreatedAt,
            analysis.FinishedAt,
            analysis.Result,
            analysis.Failure,
            message,
            analysis.Tracks is { } tracks ? new TrackListView(tracks.Moods, tracks.SadnessChoice, tracks.Current) : null);
    }
}

public sealed record HistoryView(IReadOnlyList<AnalysisView> Items, string? NextCursor);

public sealed record TracksRequest(IReadOnlyList<string>? Moods, string? SadnessChoice, bool More);

/// <summary>The tracks on offer; which tracks were offered before stays on the server.</summary>
public sealed record TrackListView(IReadOnlyList<string> Moods, string? SadnessChoice, IReadOnlyList<Track> Current);

public sealed record TracksView(IReadOnlyList<string> Moods, string? SadnessChoice, IReadOnlyList<Track> Current, bool Restarted);
