namespace Moodtunes.Vision.Imaging;

/// <summary>
/// What a JPEG will cost to decode, read from its markers alone before any decoder runs: a progressive file
/// is decoded scan by scan over a coefficient buffer the size of the whole image, so its cost grows with
/// scans × blocks however small the file or the decoded scale.
/// </summary>
/// <param name="Progressive">Frames of this kind (SOF2/6/10/14) hold every coefficient until the last scan.</param>
/// <param name="Samples">Pixels summed over the components at their own sampling (4:4:4 is three per pixel, 4:2:0 one and a half).</param>
/// <param name="Scans">Start-of-scan segments in the file.</param>
/// <param name="BlockVisits">8×8 blocks the decoder walks, summed over the scans (each scan walks every block of its components).</param>
internal readonly record struct JpegStructure(bool Progressive, long Samples, int Scans, long BlockVisits)
{
    private const byte StartOfScan = 0xDA;
    private const byte EndOfImage = 0xD9;

    /// <summary>Null when no frame header comes before the first scan; the codec then says what is wrong.</summary>
    public static JpegStructure? Read(ReadOnlySpan<byte> jpeg)
    {
        Dictionary<byte, long>? blocksOf = null;
        var (progressive, samples, scans, visits) = (false, 0L, 0, 0L);
        var at = 2; // after SOI
        while (NextMarker(jpeg, ref at) is { } marker && marker != EndOfImage)
        {
            if (IsStandalone(marker))
            {
                continue;
            }

            if (at + 2 > jpeg.Length)
            {
                break;
            }

            var length = (jpeg[at] << 8) | jpeg[at + 1];
            var segment = jpeg.Slice(at + 2, Math.Clamp(length - 2, 0, jpeg.Length - at - 2));
            at += length;
            if (IsStartOfFrame(marker) && blocksOf is null)
            {
                progressive = marker is 0xC2 or 0xC6 or 0xCA or 0xCE;
                (blocksOf, samples) = ReadFrame(segment);
            }
            else if (marker == StartOfScan)
            {
                if (blocksOf is null)
                {
                    return null;
                }

                scans++;
                visits += ScanBlocks(segment, blocksOf);
                at = SkipEntropyCodedData(jpeg, at);
            }
        }

        return blocksOf is null ? null : new JpegStructure(progressive, samples, scans, visits);
    }

    private static (Dictionary<byte, long> BlocksOf, long Samples) ReadFrame(ReadOnlySpan<byte> frame)
    {
        var blocksOf = new Dictionary<byte, long>();
        if (frame.Length < 6)
        {
            return (blocksOf, 0);
        }

        var height = (frame[1] << 8) | frame[2];
        var width = (frame[3] << 8) | frame[4];
        var count = Math.Min((int)frame[5], (frame.Length - 6) / 3);
        var components = frame.Slice(6, count * 3);
        int maxH = 1, maxV = 1;
        for (var c = 0; c < count; c++)
        {
            maxH = Math.Max(maxH, components[(c * 3) + 1] >> 4);
            maxV = Math.Max(maxV, components[(c * 3) + 1] & 0x0F);
        }

        var samples = 0L;
        for (var c = 0; c < count; c++)
        {
            var sampling = components[(c * 3) + 1];
            var w = CeilDiv((long)width * Math.Max(1, sampling >> 4), maxH);
            var h = CeilDiv((long)height * Math.Max(1, sampling & 0x0F), maxV);
            samples += w * h;
            blocksOf[components[c * 3]] = CeilDiv(w, 8) * CeilDiv(h, 8);
        }

        return (blocksOf, samples);
    }

    private static long ScanBlocks(ReadOnlySpan<byte> scan, Dictionary<byte, long> blocksOf)
    {
        var count = scan.Length > 0 ? Math.Min((int)scan[0], (scan.Length - 1) / 2) : 0;
        var blocks = 0L;
        for (var c = 0; c < count; c++)
        {
            blocks += blocksOf.GetValueOrDefault(scan[1 + (c * 2)]);
        }

        return blocks;
    }

    /// <summary>Entropy-coded data ends at the first marker that is neither a stuffed 0xFF00 nor a restart marker.</summary>
    private static int SkipEntropyCodedData(ReadOnlySpan<byte> jpeg, int at)
    {
        while (at + 1 < jpeg.Length)
        {
            if (jpeg[at] == 0xFF && jpeg[at + 1] != 0x00 && jpeg[at + 1] is < 0xD0 or > 0xD7)
            {
                return at;
            }

            at++;
        }

        return jpeg.Length;
    }

    /// <summary>Moves past the next marker (and any fill bytes before it) and returns its code; null at the end of the data.</summary>
    private static byte? NextMarker(ReadOnlySpan<byte> jpeg, ref int at)
    {
        var found = jpeg[Math.Min(at, jpeg.Length)..].IndexOf((byte)0xFF);
        if (found < 0)
        {
            return null;
        }

        at += found;
        while (at < jpeg.Length && jpeg[at] == 0xFF)
        {
            at++;
        }

        return at < jpeg.Length ? jpeg[at++] : null;
    }

    private static bool IsStandalone(byte marker) => marker is 0x01 or 0x00 or (>= 0xD0 and <= 0xD8);

    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;
}
