namespace Moodtunes.Cdk.Tests;

public sealed class PageQrCodeTests
{
    private const string Outputs = """
        { "MoodtunesStack": { "ApiUrl": "https://abc.execute-api.eu-west-1.amazonaws.com", "PageUrl": "https://d111111abcdef8.cloudfront.net" } }
        """;

    [Fact]
    public void Page_url_is_read_from_the_cdk_outputs_file() =>
        Assert.Equal("https://d111111abcdef8.cloudfront.net", PageQrCode.ReadPageUrl(Outputs));

    [Fact]
    public void Outputs_without_a_page_url_are_rejected() =>
        Assert.Throws<InvalidDataException>(() => PageQrCode.ReadPageUrl("""{ "MoodtunesStack": { "ApiUrl": "https://x" } }"""));

    [Fact]
    public void Run_prints_the_code_and_writes_a_png()
    {
        var folder = Directory.CreateTempSubdirectory("moodtunes-qr-");
        try
        {
            var outputsFile = Path.Combine(folder.FullName, "cdk-outputs.json");
            var png = Path.Combine(folder.FullName, "qr.png");
            File.WriteAllText(outputsFile, Outputs);
            using var output = new StringWriter();

            Assert.Equal(0, PageQrCode.Run(outputsFile, png, output, TextWriter.Null));

            Assert.StartsWith("https://d111111abcdef8.cloudfront.net", output.ToString(), StringComparison.Ordinal);
            Assert.Contains('▀', output.ToString());
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(png)[..4]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Run_explains_a_missing_outputs_file()
    {
        using var error = new StringWriter();

        Assert.Equal(1, PageQrCode.Run("/nonexistent/cdk-outputs.json", "unused.png", TextWriter.Null, error));
        Assert.Contains("--outputs-file", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Ascii_rendering_is_square()
    {
        var (ascii, _) = PageQrCode.Render("https://d111111abcdef8.cloudfront.net");
        var lines = ascii.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Two modules per character row: a code with quiet zones is width w and height ceil(w / 2).
        Assert.All(lines, l => Assert.Equal(lines[0].Length, l.Length));
        Assert.Equal((lines[0].Length + 1) / 2, lines.Length);
    }
}
