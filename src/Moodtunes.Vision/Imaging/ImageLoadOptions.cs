namespace Moodtunes.Vision.Imaging;

public sealed record ImageLoadOptions
{
    /// <summary>Neither side of the stored image may exceed this (a 50000×50000 PNG is refused unread).</summary>
    public int MaxSourceSide { get; init; } = 20_000;

    /// <summary>
    /// The most pixels a stored image may declare (a 48–50 MP phone photo passes): even decoded at a reduced
    /// scale, a progressive JPEG makes the decoder hold a buffer in proportion to the full size.
    /// </summary>
    public long MaxSourcePixels { get; init; } = 100_000_000;

    /// <summary>
    /// Scans a JPEG may hold: a camera writes one, a progressive encoder about ten (libjpeg's default script
    /// is 10 for colour); a crafted file with thousands of scans would be decoded thousands of times over.
    /// (SkiaSharp's decoder gives up at the 100th scan, but only after decoding the 99 before it.)
    /// </summary>
    public int MaxJpegScans { get; init; } = 64;

    /// <summary>
    /// The decode-time budget of one JPEG, in 8×8 blocks walked summed over its scans (read from the markers
    /// before decoding): a 12 MP 4:2:0 photo is 0.29 M baseline and 1.5 M progressive (2.7 M at 4:4:4), a 48 MP
    /// progressive one 6.1 M. It also bounds how long one photo holds a worker, which is what another user waits
    /// for at most (the local queue's fairness rests on it): a 3900² 4:4:4 in 64 scans, 15 M, took about 2 s.
    /// </summary>
    public long MaxJpegBlockVisits { get; init; } = 8_000_000;

    /// <summary>
    /// Samples (pixels × components at their sampling) a progressive JPEG may declare: the decoder holds every
    /// coefficient of the whole image, 2 bytes a sample, until the last scan (a 48 MP 4:2:0 photo is 72 M; a
    /// 100 MP 4:4:4 one, 300 M, would hold 600 MB).
    /// </summary>
    public long MaxProgressiveJpegSamples { get; init; } = 80_000_000;

    /// <summary>The most pixels we hold after the codec's own scaling (limits memory per photo).</summary>
    public long MaxDecodedPixels { get; init; } = 40_000_000;

    /// <summary>JPEGs are decoded at the smallest DCT scale whose longer side still reaches this.</summary>
    public int MinWorkingLongSide { get; init; } = 480;

    /// <summary>Whatever the codec gives back is shrunk to at most this on the longer side.</summary>
    public int MaxWorkingLongSide { get; init; } = 1280;
}
