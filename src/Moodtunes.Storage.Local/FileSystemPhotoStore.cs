using Moodtunes.Core.Analyses;

namespace Moodtunes.Storage.Local;

/// <summary>
/// Photos as files under one root folder: key "photos/a/b" is the file root/photos/a/b. Keys come from
/// browsers (the local upload endpoint), so each is checked to stay inside the root before it touches disk.
/// </summary>
public sealed class FileSystemPhotoStore : IPhotoStore
{
    private const int CopyBufferSize = 81_920;

    private readonly string _root;

    public FileSystemPhotoStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(_root);
    }

    public async Task<byte[]?> ReadAsync(string key, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1, useAsync: true);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        await using (stream)
        {
            if (stream.Length > maxBytes)
            {
                throw new PhotoTooLargeException(key, stream.Length, maxBytes);
            }

            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken);
            return bytes;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // A missing folder means a missing photo: deleting it is not an error.
        }

        RemoveEmptyFolders(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Stores the photo from <paramref name="content"/>, refusing more than <paramref name="maxBytes"/>.
    /// Readers see either the old file or the whole new one: bytes go to a temporary file that is renamed
    /// into place only when complete.
    /// </summary>
    /// <returns>The number of bytes stored.</returns>
    /// <exception cref="PhotoTooLargeException">The stream holds more than <paramref name="maxBytes"/>; nothing is stored.</exception>
    public async Task<long> WriteAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            long written = 0;
            await using (var file = CreateInFolder(temporary))
            {
                var buffer = new byte[CopyBufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    written += read;
                    if (written > maxBytes)
                    {
                        throw new PhotoTooLargeException(key, written, maxBytes);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            File.Move(temporary, path, overwrite: true);
            return written;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Keys of every stored photo under <paramref name="prefix"/> (finished uploads only): after a restart
    /// these are the photos still waiting to be analysed. Partial writes a crash left behind are deleted, and
    /// folders left empty.
    /// </summary>
    public IReadOnlyList<string> RecoverKeys(string prefix)
    {
        var folder = PathFor(prefix.TrimEnd('/'));
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).ToList();
        foreach (var partial in files.Where(IsPartialWrite))
        {
            File.Delete(partial);
        }

        // Deepest first, so a device folder emptied above goes with its parents (and those an earlier version left).
        foreach (var empty in Directory.EnumerateDirectories(folder, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            RemoveEmptyFolders(empty);
        }

        return [.. files
            .Where(path => !IsPartialWrite(path))
            .Select(path => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/'))];
    }

    /// <summary>
    /// A new file nobody else can read (a face is personal data), its folder created first; again if a delete of
    /// the device's last photo removed the folder in between.
    /// </summary>
    private static FileStream CreateInFolder(string path)
    {
        var options = OwnerOnly.NewFile();
        options.Share = FileShare.None;
        options.BufferSize = 1;
        options.Options = FileOptions.Asynchronous;
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            try
            {
                return new FileStream(path, options);
            }
            catch (DirectoryNotFoundException) when (attempt < 3)
            {
                // Raced with RemoveEmptyFolders; the folder is made again.
            }
        }
    }

    /// <summary>
    /// Removes <paramref name="folder"/> and the folders above it, up to the root, while they are empty: a device's
    /// folder must not outlive its last photo (its name is the device's id).
    /// </summary>
    private void RemoveEmptyFolders(string folder)
    {
        for (var current = folder; current.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal); current = Path.GetDirectoryName(current)!)
        {
            try
            {
                Directory.Delete(current);
            }
            catch (DirectoryNotFoundException)
            {
                // Already gone: try the one above.
            }
            catch (IOException)
            {
                return; // not empty: another photo of the device is waiting
            }
        }
    }

    private static bool IsPartialWrite(string path) => path.EndsWith(".tmp", StringComparison.Ordinal);

    /// <summary>Maps a key to a path inside the root, or throws for keys that could escape it.</summary>
    /// <exception cref="ArgumentException">The key is empty, rooted, or has an empty, "." or ".." segment.</exception>
    private string PathFor(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var segments = key.Split('/');
        if (Path.IsPathRooted(key) || segments.Any(s => !IsSafeSegment(s)))
        {
            throw new ArgumentException($"Photo key '{key}' is not a safe relative path.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine([_root, .. segments]));

        // Belt and braces: whatever the platform's path rules, the result must lie under the root.
        return path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? path
            : throw new ArgumentException($"Photo key '{key}' leaves the photo folder.", nameof(key));
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment is not "." and not ".." &&
        segment.IndexOfAny(['\\', ':', '\0']) < 0 && segment.IndexOfAny(Path.GetInvalidFileNameChars()) < 0;
}
