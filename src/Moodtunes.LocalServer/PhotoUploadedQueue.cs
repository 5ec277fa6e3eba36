using System.Threading.Channels;

namespace Moodtunes.LocalServer;

/// <summary>The local stand-in for S3 → Lambda: photo keys waiting for the analyze function.</summary>
public sealed class PhotoUploadedQueue
{
    private readonly Channel<string> _keys = Channel.CreateUnbounded<string>();

    public void Enqueue(string key) => _keys.Writer.TryWrite(key);

    public IAsyncEnumerable<string> ReadAllAsync(CancellationToken cancellationToken) => _keys.Reader.ReadAllAsync(cancellationToken);
}
