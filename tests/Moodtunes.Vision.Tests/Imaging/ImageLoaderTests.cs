using Moodtunes.Testing;
using Moodtunes.Vision.Imaging;
using SkiaSharp;

namespace Moodtunes.Vision.Tests.Imaging;

public sealed class ImageLoaderTests
{
    private readonly ImageLoader _loader = new();

    [Fact]
    public void Loads_a_small_png_at_its_own_size()
    {
        var photo = TestPhotos.Read(TestPhotos.Astronaut);

        using var image = _loader.Load(photo);

        Assert.Equal(ImageFormat.Png, ImageFormatSniffer.Sniff(photo));
        Assert.Equal((512, 512), (image.Width, image.Height));
        Assert.Equal((512, 512), (image.SourceWidth, image.SourceHeight));
    }

    [Fact]
    public void Decodes_a_12_megapixel_jpeg_at_a_reduced_scale()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var phonePhoto = PhotoBuilder.Resized(astronaut, 4000, 3000);

        using var image = _loader.Load(PhotoBuilder.Jpeg(phonePhoto));

        Assert.Equal((4000, 3000), (image.SourceWidth, image.SourceHeight));
        Assert.Equal(500, image.Width); // the 1/8 DCT scale: 4000 / 8 still reaches 480 px
        Assert.Equal(375, image.Height);
    }

    [Fact]
    public void Shrinks_a_large_png_to_the_working_size()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var big = PhotoBuilder.Resized(astronaut, 2560, 1920);

        using var image = _loader.Load(PhotoBuilder.Png(big));

        Assert.Equal((1280, 960), (image.Width, image.Height));
    }

    [Theory]
    [InlineData(3, SKEncodedOrigin.BottomRight)]
    [InlineData(6, SKEncodedOrigin.RightTop)]
    [InlineData(8, SKEncodedOrigin.LeftBottom)]
    public void Turns_sideways_phone_photos_upright(int exifOrientation, SKEncodedOrigin expectedOrigin)
    {
        using var upright = PhotoBuilder.Resized(PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.GraceHopper)), 400, 300);
        var sideways = PhotoBuilder.SidewaysJpeg(upright, exifOrientation);

        using var image = _loader.Load(sideways);

        using var stored = SKData.CreateCopy(sideways);
        using var codec = SKCodec.Create(stored);
        Assert.Equal(expectedOrigin, codec.EncodedOrigin); // stored sideways, so the loader had to turn it
        Assert.Equal((400, 300), (image.Width, image.Height));
        Assert.True(MeanAbsoluteDifference(upright, image.Bitmap) < 6, "the upright pixels should match the original");
    }

    [Fact]
    public void Reads_a_cmyk_jpeg_in_its_true_colours()
    {
        using var image = _loader.Load(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Assets", "cmyk-quadrants.jpg")));

        var red = image.Bitmap.GetPixel(20, 15);
        var green = image.Bitmap.GetPixel(70, 15);
        var blue = image.Bitmap.GetPixel(20, 50);
        Assert.True(red.Red > 150 && red.Green < 90 && red.Blue < 90, $"red quadrant read as {red}");
        Assert.True(green.Green > 110 && green.Red < 90, $"green quadrant read as {green}");
        Assert.True(blue.Blue > 150 && blue.Red < 90, $"blue quadrant read as {blue}");
    }

    [Fact]
    public void Reads_a_grayscale_jpeg()
    {
        using var colour = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.GraceHopper));
        using var grey = PhotoBuilder.Grayscale(colour);

        using var image = _loader.Load(PhotoBuilder.Jpeg(grey));

        var pixel = image.Bitmap.GetPixel(256, 256);
        Assert.Equal(pixel.Red, pixel.Green);
        Assert.Equal(pixel.Green, pixel.Blue);
    }

    public static TheoryData<string, byte[], ImageRejection> BadFiles => new()
    {
        { "empty file", Testing.BadFiles.Empty, ImageRejection.NotAnImage },
        { "random bytes", Testing.BadFiles.RandomBytes(4096, seed: 7), ImageRejection.NotAnImage },
        { "PDF named .jpg", Testing.BadFiles.Pdf, ImageRejection.NotAnImage },
        { "SVG named .jpg", Testing.BadFiles.Svg, ImageRejection.NotAnImage },
        { "GIF", Testing.BadFiles.Gif, ImageRejection.UnsupportedFormat },
        { "animated GIF", Testing.BadFiles.AnimatedGif, ImageRejection.UnsupportedFormat },
        { "50000×50000 PNG", Testing.BadFiles.HugePng(50_000, 50_000), ImageRejection.TooLarge },
        { "JPEG declaring 15000×15000 (225 MP)", Testing.BadFiles.JpegDeclaring(TestPhotos.Read(TestPhotos.GraceHopper), 15_000, 15_000), ImageRejection.TooLarge },
        { "truncated JPEG", Testing.BadFiles.Truncated(TestPhotos.Read(TestPhotos.GraceHopper)), ImageRejection.Corrupt },
        { "JPEG header only", TestPhotos.Read(TestPhotos.GraceHopper)[..200], ImageRejection.Corrupt },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Refuses_bad_files_with_a_typed_reason(string description, byte[] file, ImageRejection expected)
    {
        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(file));

        Assert.True(expected == error.Reason, $"{description}: expected {expected}, got {error.Reason} ({error.Message})");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static double MeanAbsoluteDifference(SKBitmap a, SKBitmap b)
    {
        var pa = a.GetPixelSpan();
        var pb = b.GetPixelSpan();
        long total = 0;
        for (var i = 0; i < pa.Length; i++)
        {
            total += Math.Abs(pa[i] - pb[i]);
        }

        return (double)total / pa.Length;
    }
}
