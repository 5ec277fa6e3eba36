using Moodtunes.Testing;
using SkiaSharp;

namespace Moodtunes.Benchmarks;

/// <summary>The photo set every benchmark uses: real faces at the sizes phones produce.</summary>
internal static class BenchmarkPhotos
{
    /// <summary>
    /// Selfie framing (the face about 40 % of the width, as with a phone's front camera) and portrait
    /// framing (the whole astronaut photo, face 18 % of the width: small enough that the detector also
    /// searches the photo's quarters).
    /// </summary>
    public static IReadOnlyList<(string Name, byte[] Bytes)> Create() =>
    [
        ("12 MP JPEG, selfie", SamplePhotos.SelfieJpeg(4032, 3024)),
        ("1280 px JPEG, selfie", SamplePhotos.SelfieJpeg(1280, 960)),
        ("12 MP JPEG, portrait", SamplePhotos.PortraitJpeg(4032, 3024)),
        ("1280 px JPEG, portrait", SamplePhotos.PortraitJpeg(1280, 960)),
    ];

    /// <summary>A face crop as the classifier sees it (the astronaut's face, cut by hand).</summary>
    public static SKBitmap FaceCrop()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        var crop = new SKBitmap(new SKImageInfo(96, 96));
        astronaut.ExtractSubset(crop, SKRectI.Create(170, 70, 110, 110));
        return PhotoBuilder.Resized(crop, 64, 64);
    }
}
