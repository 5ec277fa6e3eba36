using System.Diagnostics;
using System.Net;
using Moodtunes.Api;
using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests;

/// <summary>The real server process killed (SIGKILL) while analyses are queued, then started again on the same data.</summary>
[Slow]
public sealed class KillAndRestartTests
{
    private const int Uploads = 30;

    [Fact]
    public async Task Every_upload_finishes_exactly_once_after_the_server_is_killed_mid_work_and_restarted()
    {
        using var data = new TemporaryDirectory();
        var token = TestDevices.NewToken();
        var photo = TestPhotos.Read(TestPhotos.Astronaut);
        List<string> ids;

        using (var first = await ServerProcess.StartAsync(data.Path))
        {
            using var client = first.Client(token);
            var uploads = await Task.WhenAll(Enumerable.Range(0, Uploads).Select(async _ =>
            {
                var upload = await PhotoUploads.RequestAsync(client, "image/png", photo.Length);
                using var stored = await PhotoUploads.PostFormAsync(client, upload, photo);
                Assert.Equal(HttpStatusCode.NoContent, stored.StatusCode);
                return upload.AnalysisId;
            }));
            ids = [.. uploads];
            first.Kill();
        }

        using var second = await ServerProcess.StartAsync(data.Path);
        using var restarted = second.Client(token);
        foreach (var id in ids)
        {
            var analysis = await Analyses.WaitUntilFinishedAsync(restarted, id);
            Assert.Equal("done", analysis.GetProperty("status").GetString());
        }

        var history = await HttpAssert.JsonAsync(await restarted.GetAsync($"{ApiRoutes.History}?limit=50"), HttpStatusCode.OK);
        Assert.Equal(ids.Order(), history.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Order());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "objects"))); // no photo, and no device folder left empty
    }

    [Fact]
    public async Task A_server_killed_mid_upload_leaves_no_photo_bytes_on_disk_after_restart_in_the_data_or_the_temp_folder()
    {
        using var data = new TemporaryDirectory();
        using var temp = new TemporaryDirectory();
        var token = TestDevices.NewToken();
        var photo = TestPhotos.Read(TestPhotos.Astronaut); // 790 KB: the framework would have buffered it to disk over 64 KB
        var sent = photo.Length / 2;
        var sample = photo.AsMemory(sent / 2, 256);

        using (var first = await ServerProcess.StartAsync(data.Path, temp.Path))
        {
            using var client = first.Client(token);
            var upload = await PhotoUploads.RequestAsync(client, "image/png", photo.Length);
            using var form = new MultipartFormDataContent();
            foreach (var (name, value) in upload.Fields)
            {
                form.Add(new StringContent(value), name);
            }

            using var stalled = new CancellationTokenSource();
            var file = new StreamContent(new StallingStream(photo, sent));
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
            form.Add(file, "file", "photo");
            var posting = client.PostAsync(upload.Url, form, stalled.Token);

            // The store's partial write is locked while the server writes it: its size says the sample has arrived.
            await WaitUntilAsync(
                () => Directory.EnumerateFiles(data.Path, "*.tmp", SearchOption.AllDirectories).Any(path => new FileInfo(path).Length >= (sent / 2) + sample.Length),
                "the sampled bytes of the photo to reach the data folder");
            Assert.Empty(FilesHolding(sample, temp.Path));
            first.Kill();
            await stalled.CancelAsync();
            await Assert.ThrowsAnyAsync<Exception>(() => posting);
        }

        Assert.NotEmpty(FilesHolding(sample, data.Path)); // the crash did leave the partial write...
        using var second = await ServerProcess.StartAsync(data.Path, temp.Path);
        Assert.Empty(FilesHolding(sample, data.Path)); // ...which the restart swept
        Assert.Empty(FilesHolding(sample, temp.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(data.Path, "objects"))); // nor the device's folder
    }

    /// <summary>Files under <paramref name="folder"/> that hold <paramref name="sample"/> of the photo's bytes (or that a live server holds locked).</summary>
    private static List<string> FilesHolding(ReadOnlyMemory<byte> sample, string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(path => Holds(path, sample.Span))];

    private static bool Holds(string path, ReadOnlySpan<byte> sample)
    {
        try
        {
            return File.ReadAllBytes(path).AsSpan().IndexOf(sample) >= 0;
        }
        catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true; // locked by its writer: it may hold anything
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"waited 10 s for {what}");
            await Task.Delay(50);
        }
    }

    /// <summary>A photo sent as a phone on a bad network sends it: the first part, then nothing more.</summary>
    private sealed class StallingStream(byte[] content, int stallAt) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position >= stallAt)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            var count = Math.Min(buffer.Length, stallAt - _position);
            content.AsMemory(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
