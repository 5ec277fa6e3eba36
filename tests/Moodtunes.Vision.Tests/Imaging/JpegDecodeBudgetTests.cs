using Moodtunes.Testing;
using Moodtunes.Vision.Imaging;
using SkiaSharp;
using Xunit.Abstractions;

namespace Moodtunes.Vision.Tests.Imaging;

/// <summary>The work a JPEG may cost is read from its markers and capped before decoding; real photos stay under every cap.</summary>
public sealed class JpegDecodeBudgetTests(ITestOutputHelper output)
{
    private static readonly ImageLoadOptions Limits = new();

    private readonly ImageLoader _loader = new(Limits);

    [Slow]
    [Theory]
    [InlineData(4032, 3024, SKJpegEncoderDownsample.Downsample420, false)]
    [InlineData(4032, 3024, SKJpegEncoderDownsample.Downsample420, true)]
    [InlineData(4032, 3024, SKJpegEncoderDownsample.Downsample444, true)]
    [InlineData(8064, 6048, SKJpegEncoderDownsample.Downsample420, true)]
    public void Loads_phone_photos_at_camera_sizes_baseline_and_progressive(int width, int height, SKJpegEncoderDownsample sampling, bool progressive)
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var photo = PhotoBuilder.Resized(astronaut, width, height);
        var baseline = ProgressiveJpegs.Baseline(photo, sampling);
        var jpeg = progressive ? ProgressiveJpegs.Progressive(baseline) : baseline;

        using var image = _loader.Load(jpeg);

        Assert.Equal((width, height), (image.SourceWidth, image.SourceHeight));
        var structure = JpegStructure.Read(jpeg)!.Value;
        output.WriteLine($"{width}×{height} {sampling} {(progressive ? "progressive" : "baseline")}: {jpeg.Length / 1024} KB, " +
            $"{structure.Scans} scans, {structure.BlockVisits / 1e6:0.00} M block visits, {structure.Samples / 1e6:0.0} M samples");
    }

    [Fact]
    public void Reads_the_scans_blocks_and_samples_of_a_progressive_jpeg_from_its_markers()
    {
        using var flat = ProgressiveJpegs.Flat(64, 32);

        var structure = JpegStructure.Read(ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(flat)))!.Value;

        // 4:2:0: 64×32 luma (32 blocks), two 32×16 chroma planes (8 blocks each). libjpeg's colour script: DC for all
        // three twice (first pass and refinement), four luma AC scans, two AC scans per chroma plane.
        Assert.True(structure.Progressive);
        Assert.Equal(10, structure.Scans);
        Assert.Equal((64 * 32) + (2 * 32 * 16), structure.Samples);
        Assert.Equal((2 * 48) + (4 * 32) + (4 * 8), structure.BlockVisits);
    }

    [Fact]
    public void Refuses_a_jpeg_with_more_scans_than_the_limit_before_decoding_it()
    {
        using var flat = ProgressiveJpegs.Flat(256, 256);
        var baseline = ProgressiveJpegs.Baseline(flat);

        using (_loader.Load(ProgressiveJpegs.WithScans(baseline, Limits.MaxJpegScans)))
        {
        }

        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(ProgressiveJpegs.WithScans(baseline, Limits.MaxJpegScans + 1)));
        Assert.Equal(ImageRejection.TooComplex, error.Reason);
        Assert.Contains("scans", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_scan_bomb_from_the_scans_its_markers_count_before_decoding_it()
    {
        // The issue's attack: a flat picture whose progressive scans repeat 2,000 times.
        using var flat = ProgressiveJpegs.Flat(4000, 4000);
        var bomb = ProgressiveJpegs.ScanBomb(ProgressiveJpegs.Progressive(ProgressiveJpegs.Baseline(flat)), 2_000);

        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(bomb));

        // Counted work, not a clock: the markers alone say it is over the scan limit, which is what the loader refuses.
        Assert.Equal(ImageRejection.TooComplex, error.Reason);
        Assert.True(JpegStructure.Read(bomb)!.Value.Scans > Limits.MaxJpegScans);
    }

    [Fact]
    public void Refuses_a_jpeg_under_the_scan_limit_whose_scans_walk_more_blocks_than_the_budget()
    {
        // 64 scans, 63 of them of a 20 MP picture's luma: about 20 M block visits (a 12 MP photo saved progressive is 1.5 M).
        using var flat = ProgressiveJpegs.Flat(5000, 4000);
        var jpeg = ProgressiveJpegs.WithScans(ProgressiveJpegs.Baseline(flat), Limits.MaxJpegScans);
        Assert.True(JpegStructure.Read(jpeg)!.Value.BlockVisits > Limits.MaxJpegBlockVisits);

        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(jpeg));

        Assert.Equal(ImageRejection.TooComplex, error.Reason);
        Assert.Contains("block passes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_the_costliest_photo_that_passed_the_earlier_budget_a_3900_square_4_4_4_in_64_scans()
    {
        // Issue 24: about 2 s of decoding each on this machine, valid under 64 scans and 80 M samples; thirty tokens
        // sending two each held every worker. One photo's cost is what another address may have to wait.
        using var flat = ProgressiveJpegs.Flat(3900, 3900);
        var jpeg = ProgressiveJpegs.WithScans(ProgressiveJpegs.Baseline(flat, SKJpegEncoderDownsample.Downsample444), Limits.MaxJpegScans);

        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(jpeg));

        Assert.Equal(ImageRejection.TooComplex, error.Reason);
        output.WriteLine($"{JpegStructure.Read(jpeg)!.Value.BlockVisits / 1e6:0.0} M block visits, over the {Limits.MaxJpegBlockVisits / 1e6:0} M budget");
    }

    [Fact]
    public void Refuses_a_progressive_4_4_4_jpeg_over_the_sample_limit_that_loads_as_baseline()
    {
        // 5200×5200 at 4:4:4 is 81 M samples: held whole by a progressive decode, streamed by a baseline one.
        using var flat = ProgressiveJpegs.Flat(5200, 5200);
        var baseline = ProgressiveJpegs.Baseline(flat, SKJpegEncoderDownsample.Downsample444);
        var progressive = ProgressiveJpegs.Progressive(baseline);
        Assert.True(JpegStructure.Read(progressive)!.Value.Samples > Limits.MaxProgressiveJpegSamples);

        using (_loader.Load(baseline))
        {
        }

        var error = Assert.Throws<ImageRejectedException>(() => _loader.Load(progressive));
        Assert.Equal(ImageRejection.TooComplex, error.Reason);
        Assert.Contains("samples", error.Message, StringComparison.Ordinal);
    }
}
