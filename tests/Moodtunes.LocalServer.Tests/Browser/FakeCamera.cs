using Moodtunes.Testing;

namespace Moodtunes.LocalServer.Tests.Browser;

/// <summary>A video file for Chromium's fake camera (--use-file-for-fake-video-capture).</summary>
internal static class FakeCamera
{
    private const int Frames = 3;

    /// <summary>
    /// Chromium plays .mjpeg files as concatenated JPEG frames (it has no PNG input), looping them, so the
    /// camera shows the photo as a still scene. Returns the file's path.
    /// </summary>
    public static string WriteMjpeg(string photoName, string directory)
    {
        using var bitmap = PhotoBuilder.Decode(TestPhotos.Read(photoName));
        var frame = PhotoBuilder.Jpeg(bitmap);
        var path = Path.Combine(directory, Path.ChangeExtension(photoName, ".mjpeg"));
        using var file = File.Create(path);
        for (var i = 0; i < Frames; i++)
        {
            file.Write(frame);
        }

        return path;
    }
}
