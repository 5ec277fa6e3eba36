using Moodtunes.Testing;
using Moodtunes.Vision.Imaging;

namespace Moodtunes.Vision.Tests;

/// <summary>
/// Thousands of damaged photos through the loader and the whole pipeline: each either works or is
/// refused with <see cref="ImageRejectedException"/>; nothing else may escape, hang or crash the process.
/// </summary>
[Collection(VisionCollection.Name)]
public sealed class ImageFuzzTests(VisionPipelineFixture fixture)
{
    private const int MutantsPerSeed = 700;

    public static TheoryData<string> Seeds => [TestPhotos.GraceHopper, TestPhotos.Astronaut, TestPhotos.Coffee];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_photos_are_analysed_or_refused_with_a_reason(string seedPhoto)
    {
        var original = Shrunk(TestPhotos.Read(seedPhoto));
        var random = new Random(seedPhoto.Length);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < MutantsPerSeed; i++)
        {
            var mutant = Mutate(original, random);
            string outcome;
            try
            {
                outcome = $"{fixture.Pipeline.Analyze(mutant).Faces.Count} faces";
            }
            catch (ImageRejectedException rejected)
            {
                outcome = rejected.Reason.ToString();
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        Assert.Equal(MutantsPerSeed, outcomes.Values.Sum());
        Assert.True(outcomes.Count > 1, $"the mutations should produce varied outcomes: {string.Join(", ", outcomes)}");
    }

    /// <summary>Small seeds keep thousands of runs fast; the formats' parsers are the same at any size.</summary>
    private static byte[] Shrunk(byte[] photo)
    {
        using var bitmap = PhotoBuilder.Decode(photo);
        using var small = PhotoBuilder.Resized(bitmap, 160, 160 * bitmap.Height / bitmap.Width);
        return photo[1] == (byte)'P' ? PhotoBuilder.Png(small) : PhotoBuilder.Jpeg(small);
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        switch (random.Next(5))
        {
            case 0: // flip a few bits anywhere
                for (var k = random.Next(1, 8); k > 0; k--)
                {
                    bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1: // overwrite a run with random bytes, often hitting headers and markers
                var start = random.Next(Math.Min(bytes.Length, 400));
                random.NextBytes(bytes.AsSpan(start, Math.Min(random.Next(1, 64), bytes.Length - start)));
                return bytes;
            case 2: // cut short
                return bytes[..random.Next(1, bytes.Length)];
            case 3: // a chunk repeated
                var from = random.Next(bytes.Length / 2);
                var length = random.Next(1, bytes.Length - from);
                return [.. bytes[..(from + length)], .. bytes[from..]];
            default: // header values set to extremes (sizes, lengths)
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    bytes[random.Next(Math.Min(bytes.Length, 64))] = random.Next(2) == 0 ? (byte)0xFF : (byte)0x00;
                }

                return bytes;
        }
    }
}
