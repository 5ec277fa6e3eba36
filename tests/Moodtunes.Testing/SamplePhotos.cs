using SkiaSharp;

namespace Moodtunes.Testing;

/// <summary>Phone-like photos of a real face at chosen sizes, for benchmarks and load tests.</summary>
public static class SamplePhotos
{
    /// <summary>Front-camera framing: the astronaut's face fills about 40 % of the width.</summary>
    public static byte[] SelfieJpeg(int width, int height)
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var selfie = new SKBitmap();
        astronaut.ExtractSubset(selfie, SKRectI.Create(120, 30, 240, 180));
        using var resized = PhotoBuilder.Resized(selfie, width, height);
        return PhotoBuilder.Jpeg(resized, 90);
    }

    /// <summary>The whole astronaut portrait: the face is 18 % of the width.</summary>
    public static byte[] PortraitJpeg(int width, int height)
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var resized = PhotoBuilder.Resized(astronaut, width, height);
        return PhotoBuilder.Jpeg(resized, 90);
    }
}
