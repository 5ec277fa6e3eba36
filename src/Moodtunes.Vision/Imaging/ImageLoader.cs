using SkiaSharp;

namespace Moodtunes.Vision.Imaging;

/// <summary>
/// Turns photo bytes into an upright, working-size bitmap: sniffs the format, checks the declared
/// size and (for JPEGs) the decoding work before decoding anything, decodes JPEGs at a reduced DCT scale, and applies EXIF orientation.
/// </summary>
internal sealed class ImageLoader(ImageLoadOptions options)
{
    public ImageLoader()
        : this(new ImageLoadOptions())
    {
    }

    public LoadedImage Load(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var format = ImageFormatSniffer.Sniff(data);
        switch (format)
        {
            case ImageFormat.Jpeg or ImageFormat.Png or ImageFormat.WebP:
                break;
            case ImageFormat.Unknown or ImageFormat.Pdf or ImageFormat.Svg:
                throw new ImageRejectedException(ImageRejection.NotAnImage, DescribeNotAnImage(data.Length, format));
            default:
                throw new ImageRejectedException(
                    ImageRejection.UnsupportedFormat,
                    $"{format} images are not supported; please use a JPEG, PNG or WebP photo.");
        }

        using var skData = SKData.CreateCopy(data);
        using var codec = SKCodec.Create(skData)
            ?? throw new ImageRejectedException(ImageRejection.Corrupt, $"The {format} header is damaged.");

        var (storedWidth, storedHeight) = (codec.Info.Width, codec.Info.Height);
        if (storedWidth <= 0 || storedHeight <= 0)
        {
            throw new ImageRejectedException(ImageRejection.Corrupt, $"The {format} header declares no pixels.");
        }

        if (storedWidth > options.MaxSourceSide || storedHeight > options.MaxSourceSide)
        {
            throw new ImageRejectedException(
                ImageRejection.TooLarge,
                $"The image is {storedWidth}×{storedHeight} pixels; the limit is {options.MaxSourceSide} on each side.");
        }

        if ((long)storedWidth * storedHeight > options.MaxSourcePixels)
        {
            throw new ImageRejectedException(
                ImageRejection.TooLarge,
                $"The image is {storedWidth}×{storedHeight} pixels; the limit is {options.MaxSourcePixels / 1_000_000} megapixels.");
        }

        if (format is ImageFormat.Jpeg)
        {
            CheckJpegCost(data);
        }

        var decodeSize = ChooseDecodeSize(codec);
        if ((long)decodeSize.Width * decodeSize.Height > options.MaxDecodedPixels)
        {
            throw new ImageRejectedException(
                ImageRejection.TooLarge,
                $"The image is {storedWidth}×{storedHeight} pixels; the limit is {options.MaxDecodedPixels / 1_000_000} megapixels.");
        }

        var decoded = Decode(codec, decodeSize, format);
        var working = ShrinkToWorkingSize(decoded);
        var upright = Orient(working, codec.EncodedOrigin);
        var swapsSides = SwapsSides(codec.EncodedOrigin);
        return new LoadedImage(
            upright,
            swapsSides ? storedHeight : storedWidth,
            swapsSides ? storedWidth : storedHeight);
    }

    /// <summary>Refuses, from the markers alone, a JPEG whose decoding would cost more than one photo may.</summary>
    private void CheckJpegCost(byte[] data)
    {
        if (JpegStructure.Read(data) is not { } jpeg)
        {
            return;
        }

        var refusal = jpeg switch
        {
            { Scans: var scans } when scans > options.MaxJpegScans =>
                $"The JPEG has {scans} scans; photos have a few, and the limit is {options.MaxJpegScans}.",
            { BlockVisits: var visits } when visits > options.MaxJpegBlockVisits =>
                $"Decoding this JPEG would take {visits / 1_000_000} million block passes; the limit is {options.MaxJpegBlockVisits / 1_000_000} million.",
            { Progressive: true, Samples: var samples } when samples > options.MaxProgressiveJpegSamples =>
                $"This progressive JPEG holds {samples / 1_000_000} million samples; the limit is {options.MaxProgressiveJpegSamples / 1_000_000} million.",
            _ => null,
        };
        if (refusal is not null)
        {
            throw new ImageRejectedException(ImageRejection.TooComplex, refusal);
        }
    }

    private static string DescribeNotAnImage(int length, ImageFormat format) => (length, format) switch
    {
        (0, _) => "The file is empty.",
        (_, ImageFormat.Pdf) => "This is a PDF document, not a photo.",
        (_, ImageFormat.Svg) => "This is an SVG drawing, not a photo.",
        _ => "The file is not an image we can read.",
    };

    private SKSizeI ChooseDecodeSize(SKCodec codec)
    {
        var longSide = Math.Max(codec.Info.Width, codec.Info.Height);
        if (longSide <= options.MinWorkingLongSide)
        {
            return codec.Info.Size;
        }

        // The codec rounds to the scales it supports (JPEG: eighths) and may round below the
        // request, so step up until the working size is reached.
        for (var eighths = 1; eighths < 8; eighths++)
        {
            var size = codec.GetScaledDimensions(eighths / 8f);
            if (Math.Max(size.Width, size.Height) >= options.MinWorkingLongSide)
            {
                return size;
            }
        }

        return codec.Info.Size;
    }

    private static SKBitmap Decode(SKCodec codec, SKSizeI size, ImageFormat format)
    {
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is SKCodecResult.Success)
        {
            return bitmap;
        }

        bitmap.Dispose();
        throw new ImageRejectedException(
            ImageRejection.Corrupt,
            result is SKCodecResult.IncompleteInput
                ? $"The {format} file is cut short; please upload the whole photo."
                : $"The {format} pixel data is damaged ({result}).");
    }

    private SKBitmap ShrinkToWorkingSize(SKBitmap bitmap)
    {
        // With mipmaps: a PNG may shrink many times over here, and the emotion crops are cut from this copy.
        var shrunk = ImageShrinker.ToLongSide(bitmap, options.MaxWorkingLongSide, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        if (shrunk is null)
        {
            return bitmap;
        }

        bitmap.Dispose();
        return shrunk;
    }

    private static bool SwapsSides(SKEncodedOrigin origin) => origin is
        SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>Redraws the pixels the way the camera's EXIF orientation says they are meant to be seen.</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft)
        {
            return bitmap;
        }

        float w = bitmap.Width, h = bitmap.Height;

        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };

        var swap = SwapsSides(origin);
        var upright = new SKBitmap(new SKImageInfo(
            swap ? bitmap.Height : bitmap.Width,
            swap ? bitmap.Width : bitmap.Height,
            SKColorType.Rgba8888,
            SKAlphaType.Premul));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.SetMatrix(matrix);
            canvas.DrawBitmap(bitmap, 0, 0);
        }

        bitmap.Dispose();
        return upright;
    }
}
