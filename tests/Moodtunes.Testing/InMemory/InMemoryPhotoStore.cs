using System.Collections.Concurrent;
using Moodtunes.Core.Analyses;

namespace Moodtunes.Testing.InMemory;

/// <summary>An <see cref="IPhotoStore"/> in a dictionary; <see cref="Put"/> is the upload. The storage contract tests run against it too.</summary>
public sealed class InMemoryPhotoStore : IPhotoStore
{
    private readonly ConcurrentDictionary<string, byte[]> _photos = new(StringComparer.Ordinal);

    public void Put(string key, byte[] photo) => _photos[key] = photo;

    public bool Contains(string key) => _photos.ContainsKey(key);

    public Task<byte[]?> ReadAsync(string key, long maxBytes, CancellationToken cancellationToken) =>
        !_photos.TryGetValue(key, out var photo) ? Task.FromResult<byte[]?>(null)
        : photo.Length > maxBytes ? throw new PhotoTooLargeException(key, photo.Length, maxBytes)
        : Task.FromResult<byte[]?>([.. photo]);

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        _photos.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
