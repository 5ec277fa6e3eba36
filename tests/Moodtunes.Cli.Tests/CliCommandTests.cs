using System.Diagnostics;
using System.Text.Json;
using Moodtunes.Core.Emotions;
using Moodtunes.Core.Recommendation;
using Moodtunes.Testing;

namespace Moodtunes.Cli.Tests;

/// <summary>The command-line tool as a person runs it: a separate process, its output and exit code.</summary>
public sealed class CliCommandTests
{
    [Fact]
    public void Analyze_prints_the_faces_emotions_and_timings_as_json()
    {
        var (exitCode, output, _) = Run("analyze", TestPhotos.PathOf(TestPhotos.Astronaut));

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        var face = Assert.Single(json.RootElement.GetProperty("faces").EnumerateArray());
        Assert.Equal("happy", face.GetProperty("emotion").GetString());
        Assert.Equal(7, face.GetProperty("emotions").EnumerateObject().Count());
        Assert.Equal(4, face.GetProperty("fourClass").EnumerateObject().Count());
        Assert.True(json.RootElement.GetProperty("timingsMs").GetProperty("total").GetDouble() > 0);
    }

    [Fact]
    public async Task Catalog_check_lists_the_songs_the_provider_has_no_confident_match_or_preview_for()
    {
        await using var deezer = await FakeDeezer.StartAsync();
        var found = TrackCatalog.Default.Find("iu-good-day")!.Track;
        var silent = TrackCatalog.Default.Find("bts-spring-day")!.Track;
        deezer.AddSearchResult(found.Title, found.Artist, deezer.AddTrack(1, found.Title, found.Artist));
        deezer.AddSearchResult(silent.Title, silent.Artist, deezer.AddTrack(2, silent.Title, silent.Artist, withPreview: false));

        var (exitCode, output, _) = Run("catalog-check", "--deezer", deezer.BaseAddress.AbsoluteUri);

        Assert.Equal(1, exitCode);
        Assert.Contains("| bts-spring-day | Spring Day | BTS | found, but no preview |", output, StringComparison.Ordinal);
        Assert.Contains("| bts-dna | DNA | BTS | no confident match |", output, StringComparison.Ordinal);
        Assert.DoesNotContain("| iu-good-day |", output, StringComparison.Ordinal);
        Assert.Contains("1 of ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_explains_a_file_that_is_not_a_photo()
    {
        using var folder = new TemporaryDirectory();
        var pdf = Path.Combine(folder.Path, "photo.jpg");
        File.WriteAllBytes(pdf, BadFiles.Pdf);

        var (exitCode, _, error) = Run("analyze", pdf);

        Assert.Equal(2, exitCode);
        Assert.Contains("NotAnImage", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_reports_accuracy_recall_and_confusion_for_both_views()
    {
        using var folder = HappyFolder(TestPhotos.Astronaut);
        Directory.CreateDirectory(Path.Combine(folder.Path, "not-an-emotion"));

        var (exitCode, output, _) = Run("eval", folder.Path);

        Assert.Equal(0, exitCode);
        Assert.Contains("7 classes: accuracy", output, StringComparison.Ordinal);
        Assert.Contains("4-class view (happy, sad, surprise, neutral): accuracy", output, StringComparison.Ordinal);
        Assert.Contains("confusion (rows: true, columns: predicted)", output, StringComparison.Ordinal);
        Assert.Contains($"the page asks (unsure below: angry {EmotionDistribution.UnsureBelow(Emotion.Angry):F2}, ", output, StringComparison.Ordinal);
        Assert.Contains("of readings, right ", output, StringComparison.Ordinal);
        Assert.Contains("1 images", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_with_photos_goes_through_the_detector_and_counts_the_photos_without_a_face()
    {
        using var folder = HappyFolder(TestPhotos.Astronaut, TestPhotos.Cat);

        var (exitCode, output, _) = Run("eval", folder.Path, "--photos");

        Assert.Equal(0, exitCode);
        Assert.Contains("7 classes among found faces: accuracy 100.00 % (1/1)", output, StringComparison.Ordinal);
        Assert.Contains("no face found: 1 of 2 (50.0 %); counting them wrong: 7 classes 50.0 %, 4-class view 50.0 %", output, StringComparison.Ordinal);
        Assert.Contains("lowest threshold with readings above it 80 % right: ", output, StringComparison.Ordinal);
        Assert.Contains("2 images (0 unreadable skipped)", output, StringComparison.Ordinal);
        Assert.Contains("ms per photo", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_with_votes_scores_the_same_readings_against_the_fer_plus_majority_labels_side_by_side()
    {
        using var folder = HappyFolder(TestPhotos.Astronaut);
        var votes = Path.Combine(folder.Path, "votes.csv");
        var key = $"{Path.GetFileName(folder.Path)}/happy/{TestPhotos.Astronaut}";
        File.WriteAllLines(votes, [
            "file,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF",
            $"{key},7,2,0,0,0,0,0,0,1,0",
        ]);

        var (exitCode, output, _) = Run("eval", folder.Path, "--votes", votes);

        Assert.Equal(0, exitCode);
        Assert.Contains("== against folder labels: 1 images\n7 classes: accuracy 100.00 % (1/1)", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("== against FER+ majority labels: 1 images\n7 classes: accuracy 0.00 % (0/1)", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_leaves_out_of_the_fer_plus_figures_an_image_whose_votes_are_mostly_not_an_emotion()
    {
        using var folder = HappyFolder(TestPhotos.Astronaut);
        var votes = Path.Combine(folder.Path, "votes.csv");
        File.WriteAllLines(votes, [
            "file,neutral,happiness,surprise,sadness,anger,disgust,fear,contempt,unknown,NF",
            $"{Path.GetFileName(folder.Path)}/happy/{TestPhotos.Astronaut},0,3,0,0,0,0,0,2,3,2",
        ]);

        var (exitCode, output, _) = Run("eval", folder.Path, "--votes", votes);

        Assert.Equal(0, exitCode);
        Assert.Contains("== against FER+ majority labels: 0 images", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_writes_each_images_seven_probabilities_for_offline_fitting()
    {
        using var folder = HappyFolder(TestPhotos.Astronaut, TestPhotos.Cat);
        var readings = Path.Combine(folder.Path, "readings.csv");

        var (exitCode, _, _) = Run("eval", folder.Path, "--photos", "--readings", readings);

        Assert.Equal(0, exitCode);
        var lines = File.ReadAllLines(readings);
        Assert.Equal("file,label,face,angry,disgust,fear,happy,sad,surprise,neutral", lines[0]);
        var astronaut = Assert.Single(lines, l => l.Contains(TestPhotos.Astronaut, StringComparison.Ordinal)).Split(',');
        Assert.Equal(["happy", "1"], astronaut[1..3]);
        Assert.Equal(1.0, astronaut[3..].Sum(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)), 3);
        Assert.EndsWith(",happy,0,,,,,,,", Assert.Single(lines, l => l.Contains(TestPhotos.Cat, StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("eval", "--help")]
    [InlineData("analyze", "-h")]
    [InlineData("redrive", "--help")]
    public void Help_prints_the_usage_and_succeeds_after_any_command(params string[] arguments)
    {
        var (exitCode, output, _) = Run(arguments);

        Assert.Equal(0, exitCode);
        Assert.Contains("usage: moodtunes analyze", output, StringComparison.Ordinal);
        Assert.Contains("--votes <ferplus-votes.csv>", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_reads_vision_settings_from_the_environment_as_the_hosts_do()
    {
        using var folder = new TemporaryDirectory();

        var (exitCode, _, error) = Run([("Vision__EmotionModelFile", "emotion/missing.onnx")], "eval", folder.Path, "--photos");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("missing.onnx", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Framing_reports_where_the_faces_sit_in_their_images_and_boxes()
    {
        using var folder = new TemporaryDirectory();
        File.Copy(TestPhotos.PathOf(TestPhotos.Astronaut), Path.Combine(folder.Path, "astronaut.png"));

        var (exitCode, output, _) = Run("framing", folder.Path);

        Assert.Equal(0, exitCode);
        Assert.Contains("1 faces in 1 images", output, StringComparison.Ordinal);
        Assert.Contains("eye distance / box side", output, StringComparison.Ordinal);
        Assert.Contains("(eye line - box centre) / box side", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eval", "folder", "--fast")]
    [InlineData("analyze", "photo.jpg", "--photos")]
    [InlineData("eval", "folder", "--model")]
    [InlineData("analyze", "photo.jpg", "--votes", "votes.csv")]
    [InlineData("eval", "folder", "--readings", "a.csv", "--readings", "b.csv")]
    public void Unknown_or_misplaced_flags_print_the_usage(params string[] arguments)
    {
        var (exitCode, _, error) = Run(arguments);

        Assert.Equal(64, exitCode);
        Assert.Contains("usage: moodtunes analyze", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_runs_the_emotion_model_given_with_model()
    {
        var miniXception = Path.Combine(AppContext.BaseDirectory, "models", "emotion", "mini_xception_emotion.onnx");

        var (exitCode, output, _) = Run("analyze", TestPhotos.PathOf(TestPhotos.Astronaut), "--model", miniXception);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("happy", Assert.Single(json.RootElement.GetProperty("faces").EnumerateArray()).GetProperty("emotion").GetString());
    }

    [Fact]
    public void A_model_file_that_does_not_exist_is_named_in_the_error()
    {
        var (exitCode, _, error) = Run("analyze", TestPhotos.PathOf(TestPhotos.Astronaut), "--model", "no-such-model.onnx");

        Assert.Equal(66, exitCode);
        Assert.Contains("no-such-model.onnx", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_commands_print_the_usage()
    {
        var (exitCode, _, error) = Run("frobnicate");

        Assert.Equal(64, exitCode);
        Assert.Contains("usage: moodtunes analyze", error, StringComparison.Ordinal);
    }

    /// <summary>A labelled folder as eval reads it: these test photos under happy/.</summary>
    private static TemporaryDirectory HappyFolder(params string[] photos)
    {
        var folder = new TemporaryDirectory();
        var happy = Directory.CreateDirectory(Path.Combine(folder.Path, "happy")).FullName;
        foreach (var photo in photos)
        {
            File.Copy(TestPhotos.PathOf(photo), Path.Combine(happy, photo));
        }

        return folder;
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] arguments) => Run([], arguments);

    private static (int ExitCode, string Output, string Error) Run((string Name, string Value)[] environment, params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "moodtunes.dll");
        var start = new ProcessStartInfo("dotnet", [cli, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error);
    }
}
