namespace Moodtunes.Core.Analyses;

/// <summary>Where uploaded photos wait to be analysed (a folder locally, S3 on AWS).</summary>
public interface IPhotoStore
{
    /// <summary>Reads at most <paramref name="maxBytes"/> bytes of the photo; null when it does not exist.</summary>
    /// <exception cref="PhotoTooLargeException">The stored object is larger than <paramref name="maxBytes"/>.</exception>
    Task<byte[]?> ReadAsync(string key, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Deletes the photo; deleting a missing photo is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);
}

public sealed class PhotoTooLargeException(string key, long size, long maxBytes)
    : Exception($"Photo '{key}' is {size} bytes; the limit is {maxBytes}.")
{
    public long Size { get; } = size;
}
