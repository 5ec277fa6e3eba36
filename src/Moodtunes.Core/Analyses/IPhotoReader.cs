namespace Moodtunes.Core.Analyses;

/// <summary>Reads the faces on a photo and the emotion on each (the vision pipeline).</summary>
public interface IPhotoReader
{
    /// <exception cref="PhotoRejectedException">This photo cannot be read; the same bytes would fail again.</exception>
    /// <remarks>Failures of the machine rather than the photo (memory, a broken deployment) propagate, so the event is retried.</remarks>
    PhotoReading Read(byte[] photo);
}

/// <summary>Every face found, largest (primary) first.</summary>
public sealed record PhotoReading(int ImageWidth, int ImageHeight, IReadOnlyList<FaceResult> Faces, double ElapsedMilliseconds);

public sealed class PhotoRejectedException(FailureCode code, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    public FailureCode Code { get; } = code;
}
