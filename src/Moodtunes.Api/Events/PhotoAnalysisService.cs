using Microsoft.Extensions.Logging;
using Moodtunes.Api.Http;
using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;

namespace Moodtunes.Api.Events;

/// <summary>
/// Handles "this photo was uploaded": reads it, stores the finished analysis exactly once and deletes the
/// photo. Storage and machine errors propagate so the caller can retry; anything retrying cannot fix (a bad
/// file, no face) is stored as a failed analysis so nothing is left pending.
/// </summary>
public sealed partial class PhotoAnalysisService(
    IAnalysisStore analyses,
    IPhotoStore photos,
    IPhotoReader reader,
    TrackPicker tracks,
    TimeProvider clock,
    ILogger<PhotoAnalysisService> logger)
{
    public async Task<AnalysisOutcome> ProcessAsync(string photoKey, CancellationToken cancellationToken)
    {
        if (!PhotoKey.TryParse(photoKey, out var deviceId, out var analysisId))
        {
            LogIgnored(photoKey);
            return AnalysisOutcome.Ignored;
        }

        using var scope = AnalysisLogScope.Begin(logger, analysisId);
        var analysis = await analyses.GetAsync(deviceId, analysisId, cancellationToken).ConfigureAwait(false);
        if (analysis is null || analysis.Status is not AnalysisStatus.Pending)
        {
            // Replays and orphans: the photo must not outlive its analysis either way.
            await photos.DeleteAsync(photoKey, cancellationToken).ConfigureAwait(false);
            return analysis is null ? AnalysisOutcome.UnknownAnalysis : AnalysisOutcome.AlreadyFinished;
        }

        var finished = await AnalyseAsync(analysis, cancellationToken).ConfigureAwait(false);
        var stored = await analyses.TryFinishAsync(finished, cancellationToken).ConfigureAwait(false);
        await photos.DeleteAsync(photoKey, cancellationToken).ConfigureAwait(false);
        if (!stored)
        {
            return AnalysisOutcome.AlreadyFinished;
        }

        LogFinished(analysisId.Value, finished.Status, finished.Failure?.Code);
        return finished.Status is AnalysisStatus.Done ? AnalysisOutcome.Done : AnalysisOutcome.Failed;
    }

    private async Task<Analysis> AnalyseAsync(Analysis pending, CancellationToken cancellationToken)
    {
        // The page has shown this analysis as failed since its deadline (reads compute it): keep what was seen.
        if (pending.IsAbandoned(clock.GetUtcNow()))
        {
            return pending.AsAbandoned();
        }

        byte[]? photo;
        try
        {
            photo = await photos.ReadAsync(pending.PhotoKey, PhotoLimits.MaxBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (PhotoTooLargeException)
        {
            return Failed(pending, FailureCode.FileTooLarge, PhotoLimits.TooLargeMessage);
        }

        if (photo is null)
        {
            return Failed(pending, FailureCode.PhotoMissing, "The photo never arrived; please upload it again.");
        }

        PhotoReading reading;
        try
        {
            reading = reader.Read(photo);
        }
        catch (PhotoRejectedException rejected)
        {
            if (rejected.Code is FailureCode.InternalError)
            {
                LogVisionError(rejected.InnerException ?? rejected, pending.Id.Value);
            }

            return Failed(pending, rejected.Code, rejected.Message);
        }

        if (reading.Faces is not [var face, ..])
        {
            return Failed(pending, FailureCode.NoFace, "We could not find a face. Try a closer, well-lit photo, facing the camera.");
        }

        var emotion = face.Emotions.Top;
        return pending with
        {
            Status = AnalysisStatus.Done,
            FinishedAt = clock.GetUtcNow(),
            Result = new AnalysisResult
            {
                ImageWidth = reading.ImageWidth,
                ImageHeight = reading.ImageHeight,
                Faces = reading.Faces,
                Emotion = emotion,
                Confidence = face.Emotions.TopConfidence,
                AsksForMoods = emotion is Emotion.Neutral || face.Emotions.IsUnsure,
                Unsure = face.Emotions.IsUnsure,
                ElapsedMilliseconds = reading.ElapsedMilliseconds,
            },
            Tracks = await tracks.ForEmotionAsync(emotion, cancellationToken).ConfigureAwait(false),
        };
    }

    private Analysis Failed(Analysis pending, FailureCode code, string message) => pending with
    {
        Status = AnalysisStatus.Failed,
        FinishedAt = clock.GetUtcNow(),
        Failure = new AnalysisFailure(code, message),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring object {Key}: not a photo key")]
    private partial void LogIgnored(string key);

    // Logged as the id's string, the value the log scope and the JSON log fields carry too.
    [LoggerMessage(Level = LogLevel.Error, Message = "Vision pipeline failed on analysis {AnalysisId}")]
    private partial void LogVisionError(Exception error, string analysisId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} finished: {Status} {FailureCode}")]
    private partial void LogFinished(string analysisId, AnalysisStatus status, FailureCode? failureCode);
}
