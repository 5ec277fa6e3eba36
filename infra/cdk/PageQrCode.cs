using System.Text.Json;
using QRCoder;

namespace Moodtunes.Cdk;

/// <summary>
/// Prints a QR code of the deployed page: the CloudFront domain only exists after <c>cdk deploy</c>,
/// so it is read from the deploy's <c>--outputs-file</c>.
/// </summary>
public static class PageQrCode
{
    public const string DefaultPngPath = "moodtunes-qr.png";

    public static int Run(string outputsFile, string pngPath, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string url;
        try
        {
            url = ReadPageUrl(File.ReadAllText(outputsFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or InvalidDataException)
        {
            error.WriteLine($"Cannot read the page URL from '{outputsFile}': {e.Message}");
            error.WriteLine("Deploy with: cdk deploy --outputs-file cdk-outputs.json");
            return 1;
        }

        var (ascii, png) = Render(url);
        output.WriteLine(url);
        output.WriteLine(ascii);
        File.WriteAllBytes(pngPath, png);
        output.WriteLine($"Wrote {Path.GetFullPath(pngPath)}");
        return 0;
    }

    /// <summary>Finds the page URL output in a cdk-outputs.json (<c>{"stack": {"output": "value"}}</c>).</summary>
    public static string ReadPageUrl(string outputsJson)
    {
        using var document = JsonDocument.Parse(outputsJson);
        if (document.RootElement.ValueKind == JsonValueKind.Object)
        {
            foreach (var stack in document.RootElement.EnumerateObject())
            {
                if (stack.Value.ValueKind == JsonValueKind.Object
                    && stack.Value.TryGetProperty(MoodtunesStack.PageUrlOutput, out var url)
                    && url.GetString() is { Length: > 0 } value)
                {
                    return value;
                }
            }
        }

        throw new InvalidDataException($"no stack output named '{MoodtunesStack.PageUrlOutput}'");
    }

    /// <summary>A terminal rendering and a PNG.</summary>
    public static (string Ascii, byte[] Png) Render(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var ascii = new AsciiQRCode(data);
        using var png = new PngByteQRCode(data);
        // Half-block characters draw the light modules, which reads right on the usual dark terminal background.
        return (ascii.GetGraphicSmall(drawQuietZones: true, invert: false), png.GetGraphic(pixelsPerModule: 10));
    }
}
