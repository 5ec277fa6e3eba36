using Moodtunes.Core.Analyses;
using Moodtunes.Core.Emotions;
using Moodtunes.Vision;
using Moodtunes.Vision.Imaging;

namespace AnalyzeFunction;

/// <summary>
/// Handles "this photo was uploaded": analyses it, stores the finished analysis exactly once and
/// deletes the photo. Storage errors propagate so the caller can retry; anything retrying cannot
/// fix (a bad file, no face) is stored as a failed analysis so nothing is left pending.
/// </summary>
public sealed partial class PhotoAnalysisProcessor(
    IAnalysisStore analyses,
    IPhotoStore photos,
    VisionPipeline vision,
    AnalysisTrackSelector tracks,
    AnalysisSettings settings,
    TimeProvider clock,
    ILogger<PhotoAnalysisProcessor> logger)
{
    public async Task<AnalysisOutcome> ProcessAsync(string photoKey, CancellationToken cancellationToken)
    {
        if (!PhotoKey.TryParse(photoKey, out var deviceId, out var analysisId))
        {
            LogIgnored(photoKey);
            return AnalysisOutcome.Ignored;
        }

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

        LogFinished(analysisId, finished.Status, finished.Failure?.Code);
        return finished.Status is AnalysisStatus.Done ? AnalysisOutcome.Done : AnalysisOutcome.Failed;
    }

    private async Task<Analysis> AnalyseAsync(Analysis pending, CancellationToken cancellationToken)
    {
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

        VisionResult result;
        try
        {
            result = vision.Analyze(photo);
        }
        catch (ImageRejectedException rejected)
        {
            return Failed(pending, ToFailureCode(rejected.Reason), rejected.Message);
        }
        catch (Exception error) when (!MayPassOnRetry(error))
        {
            // The same bytes would fail the same way on a retry: record it rather than leave it pending.
            LogVisionError(error, pending.Id);
            return Failed(pending, FailureCode.InternalError, "Something went wrong reading this photo; please try another.");
        }

        if (result.PrimaryFace is not { } face)
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
                ImageWidth = result.ImageWidth,
                ImageHeight = result.ImageHeight,
                Faces = [.. result.Faces.Select(ToFaceResult)],
                Emotion = emotion.ToWire(),
                Confidence = face.Emotions.TopConfidence,
                AsksForMoods = emotion is Emotion.Neutral || face.Emotions.TopConfidence < settings.UnsureBelow,
                ElapsedMilliseconds = result.Timings.TotalMilliseconds,
            },
            Tracks = await tracks.ForEmotionAsync(emotion, cancellationToken).ConfigureAwait(false),
        };
    }

    /// <summary>
    /// Failures of the machine rather than the photo (memory, a broken deployment, cancellation) propagate,
    /// so the event is retried (on Lambda, by another instance) instead of failing the photo for good.
    /// </summary>
    private static bool MayPassOnRetry(Exception error) => error is
        OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException or
        Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException;

    private Analysis Failed(Analysis pending, FailureCode code, string message) => pending with
    {
        Status = AnalysisStatus.Failed,
        FinishedAt = clock.GetUtcNow(),
        Failure = new AnalysisFailure(code, message),
    };

    private static FaceResult ToFaceResult(FaceAnalysis face) => new()
    {
        X = face.Box.Left,
        Y = face.Box.Top,
        Width = face.Box.Width,
        Height = face.Box.Height,
        DetectionScore = face.DetectionScore,
        Emotions = face.Emotions.ToDictionary().ToDictionary(e => e.Key.ToWire(), e => e.Value),
    };

    private static FailureCode ToFailureCode(ImageRejection reason) => reason switch
    {
        ImageRejection.NotAnImage => FailureCode.NotAnImage,
        ImageRejection.UnsupportedFormat => FailureCode.UnsupportedImage,
        ImageRejection.TooLarge => FailureCode.ImageTooLarge,
        _ => FailureCode.CorruptImage,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring object {Key}: not a photo key")]
    private partial void LogIgnored(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Vision pipeline failed on analysis {AnalysisId}")]
    private partial void LogVisionError(Exception error, string analysisId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Analysis {AnalysisId} finished: {Status} {FailureCode}")]
    private partial void LogFinished(string analysisId, AnalysisStatus status, FailureCode? failureCode);
}
