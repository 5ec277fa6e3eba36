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

    [Fact]
    public void Finds_a_face_that_fills_the_frame_like_a_close_selfie()
    {
        using var closeUp = CloseUpOfTheAstronaut();
        using var withoutRetry = new VisionPipeline(new VisionOptions { Detection = new() { PaddedRetryBorder = 0 } });

        var face = Assert.Single(_pipeline.Analyze(PhotoBuilder.Jpeg(closeUp)).Faces);

        Assert.Empty(withoutRetry.Analyze(PhotoBuilder.Jpeg(closeUp)).Faces); // the whole-photo pass alone misses it
        Assert.Equal(Emotion.Happy, face.Emotions.Top);
        Assert.InRange(face.Box.Width, 0.8f, 1f);
        Assert.InRange(face.Box.Left, 0f, 0.1f);
    }

    [Fact]
    public void Averaging_with_the_mirror_image_gives_the_mean_of_the_face_and_its_mirror()
    {
        using var mirroring = new VisionPipeline(new VisionOptions { Crop = new() { AverageMirrored = true } });
        using var face = CloseUpOfTheAstronaut();
        using var mirrored = Mirrored(face);

        var averaged = Assert.Single(mirroring.ClassifyFaceCrops([PhotoBuilder.Png(face)]))!;
        var apart = _pipeline.ClassifyFaceCrops([PhotoBuilder.Png(face), PhotoBuilder.Png(mirrored)]);

        Assert.All(Enum.GetValues<Emotion>(), e => Assert.Equal((apart[0]![e] + apart[1]![e]) / 2, averaged[e], 0.002f));
        Assert.Equal(Emotion.Happy, averaged.Top);
    }

    [Fact]
    public void The_second_opinion_is_averaged_with_the_emotion_model_by_its_weight()
    {
        var shipped = new VisionOptions();
        VisionPipeline With(string model, float weight) =>
            new(shipped with { SecondOpinion = shipped.SecondOpinion with { ModelFile = model, Weight = weight } });
        var secondModel = Path.Combine("emotion", "faceapi_expression.onnx");
        using var alone = With(string.Empty, 0.5f);
        using var secondOnly = With(secondModel, 1f);
        using var both = With(secondModel, 0.25f);
        var photo = TestPhotos.Read(TestPhotos.Astronaut);

        var first = Assert.Single(alone.Analyze(photo).Faces).Emotions;
        var second = Assert.Single(secondOnly.Analyze(photo).Faces).Emotions;
        var averaged = Assert.Single(both.Analyze(photo).Faces).Emotions;

        Assert.Null(alone.Classifier.SecondOpinionPath);
        Assert.All(Enum.GetValues<Emotion>(), e => Assert.Equal((0.75f * first[e]) + (0.25f * second[e]), averaged[e], 1e-5f));
        Assert.Equal(Emotion.Happy, second.Top);
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

    /// <summary>The astronaut's face cut so that it fills the frame, as a selfie held close.</summary>
    private SKBitmap CloseUpOfTheAstronaut()
    {
        using var photo = PhotoBuilder.Decode(TestPhotos.Read(TestPhotos.Astronaut));
        var box = Assert.Single(_pipeline.Analyze(PhotoBuilder.Png(photo)).Faces).Box;
        var side = (int)(box.Width * photo.Width * 0.95f);
        var (left, top) = ((int)((MidX(box) * photo.Width) - (side / 2)), (int)((MidY(box) * photo.Height) - (side / 2)));
        using var subset = new SKBitmap();
        Assert.True(photo.ExtractSubset(subset, SKRectI.Create(left, top, side, side)));
        return subset.Copy();
    }

    private static SKBitmap Mirrored(SKBitmap source)
    {
        var mirrored = new SKBitmap(source.Info);
        using var canvas = new SKCanvas(mirrored);
        canvas.Scale(-1, 1, source.Width / 2f, 0);
        canvas.DrawBitmap(source, 0, 0);
        return mirrored;
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
