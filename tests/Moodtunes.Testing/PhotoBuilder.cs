using SkiaSharp;

namespace Moodtunes.Testing;

/// <summary>Builds the photos phones produce (big JPEGs, EXIF-rotated JPEGs, group shots) from real photos.</summary>
public static class PhotoBuilder
{
    public static SKBitmap Decode(byte[] photo) =>
        SKBitmap.Decode(photo) ?? throw new ArgumentException("Not a decodable image.", nameof(photo));

    public static byte[] Jpeg(SKBitmap bitmap, int quality = 90)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    public static byte[] Png(SKBitmap bitmap)
    {
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Scales the photo onto a canvas of the given size (a "12 MP phone photo" of a real face).</summary>
    public static SKBitmap Resized(SKBitmap source, int width, int height)
    {
        var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, SKRect.Create(width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return target;
    }

    /// <summary>The photo as taken in a dim room: every channel scaled by <paramref name="factor"/> (0..1).</summary>
    public static SKBitmap Darkened(SKBitmap source, float factor)
    {
        var target = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        using var image = SKImage.FromBitmap(source);
        using var paint = new SKPaint
        {
            ColorFilter = SKColorFilter.CreateColorMatrix([factor, 0, 0, 0, 0, 0, factor, 0, 0, 0, 0, 0, factor, 0, 0, 0, 0, 0, 1, 0]),
        };
        canvas.DrawImage(image, 0, 0, paint);
        return target;
    }

    /// <summary>A black-and-white copy (8-bit grey), as old scans and some camera modes produce.</summary>
    public static SKBitmap Grayscale(SKBitmap source)
    {
        var grey = new SKBitmap(new SKImageInfo(source.Width, source.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        return source.CopyTo(grey, SKColorType.Gray8) ? grey : throw new InvalidOperationException("Grey conversion failed.");
    }

    /// <summary>Rotates clockwise by a multiple of 90 degrees.</summary>
    public static SKBitmap RotatedClockwise(SKBitmap source, int degrees)
    {
        var quarterTurns = ((degrees / 90) % 4 + 4) % 4;
        var swap = quarterTurns % 2 == 1;
        var target = new SKBitmap(new SKImageInfo(
            swap ? source.Height : source.Width,
            swap ? source.Width : source.Height,
            SKColorType.Rgba8888,
            SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Translate(target.Width / 2f, target.Height / 2f);
        canvas.RotateDegrees(quarterTurns * 90);
        canvas.Translate(-source.Width / 2f, -source.Height / 2f);
        canvas.DrawBitmap(source, 0, 0);
        return target;
    }

    /// <summary>
    /// Stores an upright photo the way a phone does when held sideways or upside down: pixels turned,
    /// with the EXIF orientation (3, 6 or 8) that tells viewers how to turn them back.
    /// </summary>
    public static byte[] SidewaysJpeg(SKBitmap upright, int exifOrientation)
    {
        var storedRotation = exifOrientation switch
        {
            3 => 180,
            6 => 270, // viewers rotate 90° clockwise, so the stored pixels are turned counter-clockwise
            8 => 90,
            _ => throw new ArgumentOutOfRangeException(nameof(exifOrientation), exifOrientation, "Use 3, 6 or 8."),
        };
        using var stored = RotatedClockwise(upright, storedRotation);
        return WithExifOrientation(Jpeg(stored), exifOrientation);
    }

    /// <summary>Inserts a minimal EXIF APP1 segment holding only the orientation tag (0x0112).</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 34,
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8, // big-endian TIFF header, first IFD at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, (byte)orientation, 0, 0, // Orientation, SHORT, 1 value
            0, 0, 0, 0, // no next IFD
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    /// <summary>Places copies of a face photo in a grid (a "group photo" with the given number of faces).</summary>
    public static SKBitmap Group(SKBitmap face, int count, int columns, int tileSize)
    {
        var rows = (count + columns - 1) / columns;
        var target = new SKBitmap(new SKImageInfo(tileSize * columns, tileSize * rows, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(target);
        canvas.Clear(SKColors.DarkSlateGray);
        using var image = SKImage.FromBitmap(face);
        for (var i = 0; i < count; i++)
        {
            var tile = SKRect.Create(i % columns * tileSize, i / columns * tileSize, tileSize, tileSize);
            canvas.DrawImage(image, tile, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        return target;
    }
}
