using System.Diagnostics;
using System.Text;
using SkiaSharp;

namespace Moodtunes.Testing;

/// <summary>
/// Progressive JPEGs, real and crafted, re-encoded losslessly by libjpeg-turbo's jpegtran (extracted by
/// scripts/fetch-test-photos.sh): the progressive photos some apps and web tools save, and scan bombs that
/// send the same coefficients in thousands of scans.
/// </summary>
public static class ProgressiveJpegs
{
    /// <summary>A baseline JPEG at the given chroma sampling (SkiaSharp writes 4:2:0 unless told otherwise).</summary>
    public static byte[] Baseline(SKBitmap bitmap, SKJpegEncoderDownsample sampling = SKJpegEncoderDownsample.Downsample420, int quality = 90)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        using var pixmap = bitmap.PeekPixels();
        using var data = pixmap.Encode(new SKJpegEncoderOptions(quality, sampling, SKJpegEncoderAlphaOption.Ignore))
            ?? throw new InvalidOperationException("JPEG encoding failed.");
        return data.ToArray();
    }

    /// <summary>The same picture as libjpeg's default progressive script writes it (10 scans in colour).</summary>
    public static byte[] Progressive(byte[] baselineJpeg) => Jpegtran(baselineJpeg, "-progressive");

    /// <summary>
    /// A valid progressive JPEG of <paramref name="scans"/> scans (jpegtran writes at most 100): one DC scan, then
    /// one scan per AC coefficient, luma first (coefficients left out are sent as zero, which the format allows).
    /// </summary>
    public static byte[] WithScans(byte[] colourJpeg, int scans)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scans, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scans, 100);
        var script = new StringBuilder("0,1,2: 0-0, 0, 0;\n");
        foreach (var scan in Enumerable.Range(0, scans - 1))
        {
            script.Append($"{scan / 63}: {(scan % 63) + 1}-{(scan % 63) + 1}, 0, 0;\n");
        }

        var scriptFile = Path.Combine(Path.GetTempPath(), $"moodtunes-scans-{Guid.NewGuid():N}.txt");
        File.WriteAllText(scriptFile, script.ToString());
        try
        {
            return Jpegtran(colourJpeg, "-scans", scriptFile);
        }
        finally
        {
            File.Delete(scriptFile);
        }
    }

    /// <summary>
    /// A scan bomb as the issue found them: the last scan of a progressive JPEG repeated until the file holds
    /// <paramref name="scans"/>. libjpeg decodes every copy (warning of corrupt data) before it gives up.
    /// </summary>
    public static byte[] ScanBomb(byte[] progressiveJpeg, int scans)
    {
        ArgumentNullException.ThrowIfNull(progressiveJpeg);
        var lastScan = progressiveJpeg.AsSpan().LastIndexOf([(byte)0xFF, (byte)0xDA]);
        var endOfImage = progressiveJpeg.Length - 2;
        var existing = progressiveJpeg.AsSpan().Count([(byte)0xFF, (byte)0xDA]);
        using var bomb = new MemoryStream();
        bomb.Write(progressiveJpeg, 0, endOfImage);
        for (var copy = existing; copy < scans; copy++)
        {
            bomb.Write(progressiveJpeg, lastScan, endOfImage - lastScan);
        }

        bomb.Write(progressiveJpeg, endOfImage, 2);
        return bomb.ToArray();
    }

    /// <summary>A flat grey picture: almost every coefficient is zero, so each scan costs few bytes and a full pass of the decoder.</summary>
    public static SKBitmap Flat(int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        bitmap.Erase(new SKColor(128, 120, 110));
        return bitmap;
    }

    private static byte[] Jpegtran(byte[] jpeg, params string[] arguments)
    {
        var tool = Path.Combine(RepositoryPaths.Root, "tests", "photos", "bin", "jpegtran");
        if (!File.Exists(tool))
        {
            throw new FileNotFoundException("jpegtran is missing: run scripts/fetch-test-photos.sh.", tool);
        }

        var start = new ProcessStartInfo(tool) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        process.StandardInput.BaseStream.Write(jpeg);
        process.StandardInput.Close();
        copy.GetAwaiter().GetResult();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.ToArray()
            : throw new InvalidOperationException($"jpegtran {string.Join(' ', arguments)} failed: {stderr.GetAwaiter().GetResult()}");
    }
}
