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

    /// <summary>The most pixels we hold after the codec's own scaling (limits memory per photo).</summary>
    public long MaxDecodedPixels { get; init; } = 40_000_000;

    /// <summary>JPEGs are decoded at the smallest DCT scale whose longer side still reaches this.</summary>
    public int MinWorkingLongSide { get; init; } = 480;

    /// <summary>Whatever the codec gives back is shrunk to at most this on the longer side.</summary>
    public int MaxWorkingLongSide { get; init; } = 1280;
}
