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
    public static IReadOnlyList<(string Name, byte[] Bytes)> Create()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var selfie = new SKBitmap();
        astronaut.ExtractSubset(selfie, SKRectI.Create(120, 30, 240, 180));
        using var selfie12Mp = PhotoBuilder.Resized(selfie, 4032, 3024);
        using var selfie1280 = PhotoBuilder.Resized(selfie, 1280, 960);
        using var portrait12Mp = PhotoBuilder.Resized(astronaut, 4032, 3024);
        using var portrait1280 = PhotoBuilder.Resized(astronaut, 1280, 960);
        return
        [
            ("12 MP JPEG, selfie", PhotoBuilder.Jpeg(selfie12Mp, 90)),
            ("1280 px JPEG, selfie", PhotoBuilder.Jpeg(selfie1280, 90)),
            ("12 MP JPEG, portrait", PhotoBuilder.Jpeg(portrait12Mp, 90)),
            ("1280 px JPEG, portrait", PhotoBuilder.Jpeg(portrait1280, 90)),
        ];
    }

    /// <summary>A face crop as the classifier sees it (the astronaut's face, cut by hand).</summary>
    public static SKBitmap FaceCrop()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        var crop = new SKBitmap(new SKImageInfo(96, 96));
        astronaut.ExtractSubset(crop, SKRectI.Create(170, 70, 110, 110));
        return PhotoBuilder.Resized(crop, 64, 64);
    }
}
