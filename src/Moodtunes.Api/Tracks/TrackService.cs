using Moodtunes.Api.Analyses;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Tracks;

/// <summary>What the user asked for: moods (several at once), a sadness choice, or other songs for the same request.</summary>
/// <param name="Answer">How they said they feel when the reading was unsure; null keeps the answer given before.</param>
public sealed record TrackChoice(IReadOnlyList<Mood> Moods, SadnessChoice? SadnessChoice, bool More, Emotion? Answer = null);

public abstract record TrackOutcome
{
    private TrackOutcome()
    {
    }

    /// <param name="Restarted">Every candidate had been offered, so the list starts over.</param>
    public sealed record Chosen(TrackSelection Selection, bool Restarted) : TrackOutcome;

    public sealed record NotFound : TrackOutcome;

    /// <summary>The analysis is pending or failed: it has no emotion to pick songs for.</summary>
    public sealed record NotDone : TrackOutcome;

    /// <summary>Other requests for the same analysis replaced its list before every attempt of this one could be stored.</summary>
    public sealed record Busy : TrackOutcome;
}

/// <summary>New tracks for an analysis: for the chosen moods or sadness choice, or "other songs" without repeats.</summary>
public sealed class TrackService(AnalysisService analyses, IAnalysisStore store, TrackPicker picker)
{
    /// <summary>
    /// How often a request picks again when another one stored its list first. Each lost attempt means another
    /// request won, so N requests at once need at most N attempts; a few more cover requests arriving meanwhile.
    /// </summary>
    public const int MaxAttempts = 10;

    public async Task<TrackOutcome> ChooseAsync(DeviceId deviceId, AnalysisId analysisId, TrackChoice choice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choice);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var analysis = await analyses.FindAsync(deviceId, analysisId, cancellationToken).ConfigureAwait(false);
            if (analysis?.Result is not { } result)
            {
                return analysis is null ? new TrackOutcome.NotFound() : new TrackOutcome.NotDone();
            }

            // The person's answer outranks the model's guess, and is stored with the list so the timeline records it.
            // Only an unsure reading is asked about, so only there is an answer kept (Analysis.FeelingOf).
            var answer = result.Unsure ? choice.Answer ?? analysis.Tracks?.Answer : null;
            var (selection, restarted) = await picker
                .NextAsync(answer ?? result.Emotion, analysis.Tracks, [.. choice.Moods.Distinct()], choice.SadnessChoice, choice.More, cancellationToken)
                .ConfigureAwait(false);
            selection = selection with { Answer = answer };

            // Stored only if no other request replaced the list since it was read; otherwise read again, so the
            // next pick skips what that request offered too (and sees a deleted analysis as gone).
            if (await store.SaveTracksAsync(deviceId, analysis.Id, selection, analysis.TracksVersion, cancellationToken).ConfigureAwait(false))
            {
                return new TrackOutcome.Chosen(selection, restarted);
            }
        }

        return new TrackOutcome.Busy();
    }
}
