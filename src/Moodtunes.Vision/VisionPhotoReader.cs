using Microsoft.ML.OnnxRuntime;
using Moodtunes.Core.Analyses;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Vision;

/// <summary>The vision pipeline behind the application's <see cref="IPhotoReader"/> port.</summary>
public sealed class VisionPhotoReader(VisionPipeline pipeline) : IPhotoReader
{
    public PhotoReading Read(byte[] photo)
    {
        VisionResult result;
        try
        {
            result = pipeline.Analyze(photo);
        }
        catch (ImageRejectedException rejected)
        {
            throw new PhotoRejectedException(ToFailureCode(rejected.Reason), rejected.Message, rejected);
        }
        catch (Exception error) when (!MayPassOnRetry(error))
        {
            // The same bytes would fail the same way on a retry: the photo fails rather than stays pending.
            throw new PhotoRejectedException(FailureCode.InternalError, "Something went wrong reading this photo; please try another.", error);
        }

        return new PhotoReading(
            result.ImageWidth,
            result.ImageHeight,
            [.. result.Faces.Select(face => new FaceResult
            {
                X = face.Box.Left,
                Y = face.Box.Top,
                Width = face.Box.Width,
                Height = face.Box.Height,
                DetectionScore = face.DetectionScore,
                Emotions = face.Emotions,
            })],
            result.Timings.TotalMilliseconds);
    }

    /// <summary>
    /// Failures of the machine rather than the photo (memory, a broken deployment, cancellation) propagate,
    /// so the event is retried (on Lambda, by another instance) instead of failing the photo for good.
    /// </summary>
    private static bool MayPassOnRetry(Exception error) => error is
        OperationCanceledException or OutOfMemoryException or InsufficientExecutionStackException or
        OnnxRuntimeException or DllNotFoundException or TypeInitializationException;

    private static FailureCode ToFailureCode(ImageRejection reason) => reason switch
    {
        ImageRejection.NotAnImage => FailureCode.NotAnImage,
        ImageRejection.UnsupportedFormat => FailureCode.UnsupportedImage,
        ImageRejection.TooLarge => FailureCode.ImageTooLarge,
        ImageRejection.TooComplex => FailureCode.ImageTooComplex,
        _ => FailureCode.CorruptImage,
    };
}
