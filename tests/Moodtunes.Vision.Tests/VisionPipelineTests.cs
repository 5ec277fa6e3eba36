using Moodtunes.Core.Emotions;
using Moodtunes.Testing;
using SkiaSharp;

namespace Moodtunes.Vision.Tests;

[Collection(VisionCollection.Name)]
public sealed class VisionPipelineTests(VisionPipelineFixture fixture)
{
    private readonly VisionPipeline _pipeline = fixture.Pipeline;

    [Fact]
    public void Finds_one_happy_face_on_the_astronaut()
    {
        var result = _pipeline.Analyze(TestPhotos.Read(TestPhotos.Astronaut));

        var face = Assert.Single(result.Faces);
        Assert.Equal(Emotion.Happy, face.Emotions.Top);
        Assert.InRange(face.DetectionScore, 0.7f, 1f);
        Assert.InRange(MidX(face.Box), 0.35f, 0.55f); // her face is left of centre, in the upper half
        Assert.InRange(MidY(face.Box), 0.15f, 0.35f);
        Assert.Equal(6, face.Keypoints.Count);
    }

    [Fact]
    public void Finds_one_face_on_grace_hopper()
    {
        var result = _pipeline.Analyze(TestPhotos.Read(TestPhotos.GraceHopper));

        Assert.Single(result.Faces);
    }

    [Theory]
    [InlineData(TestPhotos.Cat)]
    [InlineData(TestPhotos.Coffee)]
    public void Finds_no_face_where_there_is_none(string photo)
    {
        var result = _pipeline.Analyze(TestPhotos.Read(photo));

        Assert.Empty(result.Faces);
        Assert.Null(result.PrimaryFace);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void Finds_the_same_box_on_sideways_phone_photos(int exifOrientation)
    {
        using var upright = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        var expected = Assert.Single(_pipeline.Analyze(PhotoBuilder.Jpeg(upright)).Faces);

        var result = _pipeline.Analyze(PhotoBuilder.SidewaysJpeg(upright, exifOrientation));

        var face = Assert.Single(result.Faces);
        AssertClose(expected.Box, face.Box, tolerance: 0.01f);
        Assert.Equal(Emotion.Happy, face.Emotions.Top);
    }

    [Fact]
    public void Finds_the_face_on_a_black_and_white_photo()
    {
        using var colour = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var grey = PhotoBuilder.Grayscale(colour);

        var face = Assert.Single(_pipeline.Analyze(PhotoBuilder.Jpeg(grey)).Faces);

        Assert.Equal(Emotion.Happy, face.Emotions.Top);
    }

    [Fact]
    public void Ignores_a_face_too_small_to_read()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var tiny = PhotoBuilder.Resized(astronaut, 40, 40);
        using var big = new SKBitmap(new SKImageInfo(2000, 1500));
        using (var draw = new SKCanvas(big))
        {
            draw.Clear(SKColors.Beige);
            draw.DrawBitmap(tiny, 980, 730); // a 7-pixel face in a 2000-pixel photo
        }

        var result = _pipeline.Analyze(PhotoBuilder.Jpeg(big));

        Assert.Empty(result.Faces);
    }

    [Fact]
    public void Reads_a_12_megapixel_phone_photo()
    {
        using var astronaut = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        using var phonePhoto = PhotoBuilder.Resized(astronaut, 4032, 3024);

        var result = _pipeline.Analyze(PhotoBuilder.Jpeg(phonePhoto));

        Assert.Equal((4032, 3024), (result.ImageWidth, result.ImageHeight));
        Assert.Equal(Emotion.Happy, Assert.Single(result.Faces).Emotions.Top);
    }

    [Fact]
    public void Reports_every_face_of_a_group_largest_first()
    {
        using var grace = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.GraceHopper));
        using var group = PhotoBuilder.Group(grace, count: 5, columns: 3, tileSize: 500);

        var result = _pipeline.Analyze(PhotoBuilder.Jpeg(group));

        Assert.Equal(5, result.Faces.Count);
        Assert.Equal(result.Faces.OrderByDescending(f => f.Box.Width * f.Box.Height), result.Faces);
        Assert.Equal(5, result.Faces.Select(f => ((int)(MidX(f.Box) * 3), (int)(MidY(f.Box) * 2))).Distinct().Count());
    }

    [Fact]
    public void Gives_the_same_answer_when_shared_across_threads()
    {
        var photo = TestPhotos.Read(TestPhotos.GraceHopper);
        var expected = _pipeline.Analyze(photo).Faces[0];

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(4)
            .Select(_ => _pipeline.Analyze(photo).Faces[0])
            .ToList();

        Assert.All(results, r =>
        {
            Assert.Equal(expected.Box, r.Box);
            Assert.Equal(expected.Emotions.TopConfidence, r.Emotions.TopConfidence);
        });
    }

    private static float MidX(FaceBox box) => box.Left + (box.Width / 2);

    private static float MidY(FaceBox box) => box.Top + (box.Height / 2);

    private static void AssertClose(FaceBox expected, FaceBox actual, float tolerance)
    {
        Assert.InRange(actual.Left, expected.Left - tolerance, expected.Left + tolerance);
        Assert.InRange(actual.Top, expected.Top - tolerance, expected.Top + tolerance);
        Assert.InRange(actual.Right, expected.Right - tolerance, expected.Right + tolerance);
        Assert.InRange(actual.Bottom, expected.Bottom - tolerance, expected.Bottom + tolerance);
    }
}
